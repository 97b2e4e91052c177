package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/**
 * The sessions of revisions 2025-03-26 / 2025-06-18 / 2025-11-25 on {@code /mcp}: the SDK's session-based Streamable
 * HTTP transport, in front of which each session is bound to the client (API key, or access token subject) whose
 * {@code initialize} opened it. Guarantees:
 * <ul>
 *   <li>a request naming a session ({@code Mcp-Session-Id}; POST, the GET stream, DELETE) reaches the SDK only from
 *   the client that opened it; an id of another client's session, of an ended one or an unknown one is answered 404
 *   with JSON-RPC error {@value McpErrors#SESSION_NOT_FOUND}, the same answer for all (an id learnt elsewhere tells
 *   nothing), on which the specification has the client start a new session;</li>
 *   <li>{@link #open} makes a session only while the client holds fewer than {@code hub.mcp.sessions.max-per-client}
 *   and the instance fewer than {@code max-total}; beyond either it declines and the request is answered
 *   statelessly (no {@code Mcp-Session-Id}, {@code resources.subscribe} not offered): the client keeps every tool,
 *   resource and prompt and only goes without change notifications, and no session it holds is taken away;</li>
 *   <li>a session no request named for {@code idle-timeout} is ended: its GET stream closes and its subscriptions
 *   go. A listening client stays: the SDK pings its GET stream every {@code hub.mcp.sse-keep-alive} and the
 *   client's answer names the session;</li>
 *   <li>memory is bounded: at most {@code max-total} sessions are reachable; an ended one (no stream, never reached
 *   again) leaves the SDK's own table at its sweep, within twice {@code idle-timeout}.</li>
 * </ul>
 * The SDK's session object is caught as its factory makes it, on the request's thread, so that an idle session is
 * ended through the SDK.
 */
final class StreamableSessions {

    /** One open session: who opened it, the SDK's session, and when a request last named it. */
    private static final class Session {
        final UUID clientId;
        final McpStreamableServerSession sdkSession;
        volatile long lastUsedNanos;

        Session(UUID clientId, McpStreamableServerSession sdkSession, long now) {
            this.clientId = clientId;
            this.sdkSession = sdkSession;
            this.lastUsedNanos = now;
        }
    }

    private final HttpServletStreamableServerTransportProvider transport;
    private final ObjectMapper mapper;
    private final int maxPerClient;
    private final int maxTotal;
    private final Duration idleTimeout;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final ThreadLocal<McpStreamableServerSession> opening = new ThreadLocal<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-session-idle-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    StreamableSessions(HttpServletStreamableServerTransportProvider transport, McpProperties.Sessions properties,
            ObjectMapper mapper) {
        this.transport = transport;
        this.mapper = mapper;
        this.maxPerClient = properties.maxPerClient();
        this.maxTotal = properties.maxTotal();
        this.idleTimeout = properties.idleTimeout();
        long period = Math.max(1000, idleTimeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(() -> closeIdle(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
    }

    /** The SDK's transport as the MCP server should see it: every session it makes is caught for binding. */
    McpStreamableServerTransportProvider bind() {
        return new McpStreamableServerTransportProvider() {
            @Override
            public void setSessionFactory(McpStreamableServerSession.Factory factory) {
                transport.setSessionFactory(initialize -> {
                    McpStreamableServerSession.McpStreamableServerSessionInit started = factory.startSession(initialize);
                    opening.set(started.session());
                    return started;
                });
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return transport.notifyClients(method, params);
            }

            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return transport.notifyClient(sessionId, method, params);
            }

            @Override
            public Mono<Void> closeGracefully() {
                return transport.closeGracefully();
            }

            @Override
            public List<String> protocolVersions() {
                return transport.protocolVersions();
            }
        };
    }

    /** With the servlet that serves {@code /mcp}. */
    void init(ServletConfig config) throws ServletException {
        transport.init(config);
    }

    /** With the servlet that serves {@code /mcp}. */
    void destroy() {
        sweeper.shutdownNow();
        transport.destroy();
    }

    /** Ends every session and its streams, so that a graceful shutdown does not wait for streams that never end. */
    void closeAll() {
        transport.closeGracefully().block(Duration.ofSeconds(5));
    }

    /**
     * An {@code initialize}: passed to the SDK, which opens a session, when the client's and the instance's caps
     * allow one.
     *
     * @return false, having answered nothing, when a cap declines: the caller answers the request statelessly
     */
    boolean open(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        UUID clientId = Caller.of(request).client().id();
        if (!reserve(clientId)) {
            return false;
        }
        McpStreamableServerSession opened = null;
        try {
            transport.service((ServletRequest) request, (ServletResponse) response);
            opened = opening.get();
            if (opened != null) {
                sessions.put(opened.getId(), new Session(clientId, opened, System.nanoTime()));
            }
        } finally {
            opening.remove();
            if (opened == null) {
                release(clientId);
            }
        }
        return true;
    }

    /** A request naming a session: passed to the SDK when the session is open and the caller's. */
    void serve(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String sessionId = request.getHeader(HttpHeaders.MCP_SESSION_ID);
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null || !session.clientId.equals(Caller.of(request).client().id())) {
            notFound(response);
            return;
        }
        session.lastUsedNanos = System.nanoTime();
        if ("DELETE".equals(request.getMethod())) {
            ended(sessionId, session);
        }
        transport.service((ServletRequest) request, (ServletResponse) response);
    }

    /** Ends every session no request named since {@code idle-timeout} before {@code now} (System.nanoTime()). */
    void closeIdle(long now) {
        long idle = idleTimeout.toNanos();
        sessions.forEach((id, session) -> {
            if (now - session.lastUsedNanos > idle && ended(id, session)) {
                session.sdkSession.closeGracefully().onErrorComplete().subscribe();
            }
        });
    }

    /** Sessions on this instance whose client holds the GET stream open (tests wait for it). */
    long listening() {
        return sessions.values().stream().filter(session -> session.sdkSession.hasListeningStream()).count();
    }

    private boolean ended(String sessionId, Session session) {
        if (sessions.remove(sessionId, session)) {
            release(session.clientId);
            return true;
        }
        return false;
    }

    private boolean reserve(UUID clientId) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return false;
        }
        boolean[] reserved = {false};
        perClient.compute(clientId, (client, held) -> {
            int count = held == null ? 0 : held;
            reserved[0] = count < maxPerClient;
            return reserved[0] ? count + 1 : held;
        });
        if (!reserved[0]) {
            total.decrementAndGet();
        }
        return reserved[0];
    }

    private void release(UUID clientId) {
        perClient.computeIfPresent(clientId, (client, held) -> held <= 1 ? null : held - 1);
        total.decrementAndGet();
    }

    private void notFound(HttpServletResponse response) throws IOException {
        ObjectNode answer = mapper.createObjectNode().put("jsonrpc", "2.0").putNull("id");
        answer.putObject("error").put("code", McpErrors.SESSION_NOT_FOUND)
                .put("message", "Session not found: initialize to start a new one");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), answer);
    }
}
