package cc.chitty.connect.hub.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Keeps platform-http's handler mapping (the REST door's routes) to the paths it serves, {@code /api/...}. It is
 * asked before Spring MVC's own mapping, and for a request it does not serve it matched every REST operation, then
 * every one again to explain the miss: 15 % of a webhook delivery's CPU in a JFR profile. Every REST DSL route of
 * the hub lives under {@code /api} (routes/*.camel.yaml); the wrapped mapping still receives Camel's endpoint
 * registrations, since it registered itself as their listener when it was created. The same mapping tells
 * {@link RestCapabilities} which route a request will reach.
 */
@Component
class RestDoorPathScope implements BeanPostProcessor {

    static final String REST_DOOR_PREFIX = "/api/";

    private volatile CamelRequestHandlerMapping camel;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamelRequestHandlerMapping mapping) {
            camel = mapping;
            return new Scoped(mapping);
        }
        return bean;
    }

    /**
     * The consumer of the REST route that will serve the request, found by platform-http's own mapping (so with the
     * same decoding and matching as the dispatch); null when no route will (no match, or a method or media type
     * the route refuses).
     */
    Object consumerFor(HttpServletRequest request) {
        CamelRequestHandlerMapping mapping = camel;
        if (mapping == null || !request.getRequestURI().startsWith(REST_DOOR_PREFIX)) {
            return null;
        }
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? method.getBean() : null;
        } catch (Exception noRouteWillRun) {
            return null;
        }
    }

    private record Scoped(CamelRequestHandlerMapping camel) implements HandlerMapping, Ordered {

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            return request.getRequestURI().startsWith(REST_DOOR_PREFIX) ? camel.getHandler(request) : null;
        }

        @Override
        public boolean usesPathPatterns() {
            return camel.usesPathPatterns();
        }

        @Override
        public int getOrder() {
            return camel.getOrder();
        }
    }
}
