package cc.chitty.connect.hub.rest;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Keeps platform-http's handler mapping to the paths it serves: the REST door's routes, {@code /api/...}, and the
 * GitHub webhook door's route. It is asked before Spring MVC's own mapping, and for a request it does not serve it
 * matched every REST operation, then every one again to explain the miss: 15 % of a webhook delivery's CPU in a JFR
 * profile. Every REST DSL route of the hub lives under {@code /api} (routes/*.camel.yaml); the wrapped mapping still
 * receives Camel's endpoint registrations, since it registered itself as their listener when it was created. The
 * consumer it finds is called directly, on the request's own thread ({@link CallingThreadEngine}), not through
 * Spring MVC's handler adapter, which would take the consumer's {@code CompletableFuture} for an asynchronous answer
 * and dispatch the request a second time.
 */
@Component
class RestDoorPathScope implements BeanPostProcessor {

    static final String REST_DOOR_PREFIX = "/api/";
    // the other doors that are platform-http routes (github/door/WebhookIntakeRoute)
    private static final String WEBHOOK_DOOR = "/integrations/github/webhook";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamelRequestHandlerMapping mapping) {
            return new Scoped(mapping);
        }
        return bean;
    }

    private record Scoped(CamelRequestHandlerMapping camel) implements HandlerMapping, Ordered {

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            String path = request.getRequestURI();
            if (!path.startsWith(REST_DOOR_PREFIX) && !path.equals(WEBHOOK_DOOR)) {
                return null;
            }
            HandlerExecutionChain chain = camel.getHandler(request);
            if (chain != null && chain.getHandler() instanceof HandlerMethod method
                    && method.getBean() instanceof SpringBootPlatformHttpConsumer consumer) {
                return new HandlerExecutionChain(new CallingThread(consumer), chain.getInterceptorList());
            }
            return chain;
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

    /** Runs the route and writes its answer before returning, as the request's one and only dispatch. */
    private record CallingThread(SpringBootPlatformHttpConsumer consumer) implements HttpRequestHandler {

        @Override
        public void handleRequest(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            try {
                consumer.service(request, response).join();
            } catch (CompletionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof ServletException servlet) {
                    throw servlet;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new ServletException(cause);
            }
        }
    }
}
