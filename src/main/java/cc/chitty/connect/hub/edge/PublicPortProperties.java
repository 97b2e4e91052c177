package cc.chitty.connect.hub.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public port's server.
 *
 * @param port               where clients connect ({@code PORT}); 0 picks a free one (tests)
 * @param bindHost           the interface it listens on
 * @param workerThreads      the threads that run routes: each REST request is handed from an event loop to one of
 *                           them once, and its upstream call blocks only that thread
 * @param forwardConnections the loopback connections to Tomcat at most (an open MCP SSE stream holds one)
 */
@ConfigurationProperties("hub.public")
public record PublicPortProperties(int port, String bindHost, int workerThreads, int forwardConnections) {

    public PublicPortProperties {
        bindHost = bindHost == null || bindHost.isBlank() ? "0.0.0.0" : bindHost;
        workerThreads = workerThreads > 0 ? workerThreads : 64;
        forwardConnections = forwardConnections > 0 ? forwardConnections : 512;
    }
}
