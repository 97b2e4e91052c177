package cc.chitty.connect.hub.edge;

import java.io.IOException;

import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's side of the loopback hop: a connector on 127.0.0.1 and a free port that only {@link LoopbackForwarder}
 * calls, next to the management port's. Guarantees: on this connector alone, the client address the public port saw
 * ({@value #HEADER}) becomes the request's remote address, so everything that reads it (rate limits, audit, the
 * failure throttle, {@code hub.rate-limit.trusted-proxies}) sees the real client; the header counts for nothing on
 * the management port; and the operator surface is refused here by Tomcat's own reading of the path (decoded,
 * normalised, {@code ;} parameters removed), so no spelling of a path the public port let through reaches it.
 */
@Component
class ForwardConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String HEADER = "X-Hub-Client-Address";

    private final Connector connector = new Connector();
    private final ProblemWriter problems;

    ForwardConnector(ProblemWriter problems) {
        this.problems = problems;
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalTomcatConnectors(connector);
        factory.addEngineValves(new ForwardedRequests());
    }

    /** The port Tomcat gave the connector; -1 until it listens. */
    int port() {
        return connector.getLocalPort();
    }

    private final class ForwardedRequests extends ValveBase {

        ForwardedRequests() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (request.getConnector() != connector) {
                getNext().invoke(request, response);
                return;
            }
            String client = request.getHeader(HEADER);
            if (client != null) {
                request.setRemoteAddr(client);
                request.setRemoteHost(client);
            }
            if (LoopbackForwarder.isOperatorPath(request.getDecodedRequestURI())) {
                problems.write(response.getResponse(), LoopbackForwarder.notOnThisPort());
                return;
            }
            getNext().invoke(request, response);
        }
    }
}
