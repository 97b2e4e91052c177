package cc.chitty.connect.hub.edge;

import java.util.Map;

import cc.chitty.connect.hub.web.HttpLimitsProperties;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.CamelContextHelper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The public port: Camel's Vert.x platform-http server and engine, so every {@code platform-http} route (the REST
 * DSL's included) is served by Vert.x, while Tomcat serves the management port ({@code server.port}).
 * Guarantees: the port opens only once every {@link PublicPaths} is mounted, so the first request already meets the
 * starting gate; a route runs on one of {@code hub.public.worker-threads} worker threads, handed there once from the
 * event loop by platform-http's consumer ({@code executeBlocking}), never on an event loop.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicPortProperties.class)
class PublicServer {

    /** Vert.x's worker pool is the one platform-http hands each exchange to: its size is the route threads'. */
    @Bean(destroyMethod = "close")
    Vertx publicVertx(PublicPortProperties properties) {
        return Vertx.vertx(new VertxOptions().setWorkerPoolSize(properties.workerThreads()));
    }

    /**
     * Under the name platform-http looks its engine up by in Camel's registry. A route's Vert.x path matches on path
     * and method only: a request of another media type must meet the edge checks (415 problem+json, counted), where
     * Vert.x would have matched nothing and answered a bare 404. A route's body is read whole before it runs, held
     * to {@code hub.http}'s largest limit as it arrives (413 at the first byte past it, however it is sent), except
     * an upload path's or a route's that asks to stream (the webhook door's), which {@link SpoolingConsumer} spools,
     * held to the path's own limit.
     */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(HttpLimitsProperties limits) {
        return new VertxPlatformHttpEngine() {
            @Override
            public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
                endpoint.setConsumes(null);
                endpoint.setProduces(null);
                boolean spooled = limits.isUpload(endpoint.getPath()) || endpoint.isUseStreaming();
                endpoint.setUseStreaming(false);
                if (!spooled) {
                    return super.createConsumer(endpoint, processor);
                }
                endpoint.setUseBodyHandler(false);
                return new SpoolingConsumer(endpoint, processor, getHandlers(),
                        VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()),
                        limits.limitFor(endpoint.getPath()));
            }
        };
    }

    @Bean
    PublicHttpServer publicHttpServer(PublicPortProperties properties, Vertx vertx, ObjectProvider<PublicPaths> paths,
            ConfigurableEnvironment environment, HttpLimitsProperties limits) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindPort(properties.port());
        configuration.setBindHost(properties.bindHost());
        configuration.setMaxBodySize(limits.largestBodyLimit());
        // bodies are read into memory up to that limit; no route of the hub takes form uploads as files
        configuration.getBodyHandler().setHandleFileUploads(false);
        PublicHttpServer server = new PublicHttpServer(configuration, paths, environment);
        server.setVertx(vertx);
        return server;
    }

    /** Started with Camel, before its routes, so their consumers find the router. */
    @Bean
    CamelContextConfiguration publicServerStart(PublicHttpServer server) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                try {
                    camel.addService(server, true, true);
                } catch (Exception failed) {
                    throw new IllegalStateException("the public port could not open", failed);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /**
     * Camel's server, with the hub's own paths mounted between the router's creation and the port's opening; the port
     * it listens on is published as {@value #PORT_PROPERTY}, as Spring Boot publishes Tomcat's.
     */
    static final class PublicHttpServer extends VertxPlatformHttpServer {

        static final String PORT_PROPERTY = "local.public.port";

        private final ObjectProvider<PublicPaths> paths;
        private final ConfigurableEnvironment environment;

        PublicHttpServer(VertxPlatformHttpServerConfiguration configuration, ObjectProvider<PublicPaths> paths,
                ConfigurableEnvironment environment) {
            super(configuration);
            this.paths = paths;
            this.environment = environment;
        }

        @Override
        protected void startServer() throws Exception {
            Router router = CamelContextHelper.findSingleByType(getCamelContext(), VertxPlatformHttpRouter.class);
            paths.orderedStream().forEach(path -> path.mountOn(router));
            super.startServer();
            environment.getPropertySources().addFirst(
                    new MapPropertySource(PORT_PROPERTY, Map.of(PORT_PROPERTY, getPort())));
        }
    }
}
