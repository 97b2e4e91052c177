package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
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
 *   <li>a client holds at most {@code hub.mcp.sessions.max-per-client} sessions: its {@code initialize} beyond
 *   them ends the one of its sessions a request named least recently (clients that restart without DELETE leave
 *   sessions behind; a client's own count never keeps it from a new session);</li>
 *   <li>the instance holds at most {@code max-total}: beyond it, {@link #open} declines and the request is answered
 *   statelessly (no {@code Mcp-Session-Id}, {@code resources.subscribe} not offered): the client keeps every tool,
 *   resource and prompt and only goes without change notifications, and no other client's session is taken;</li>
 *   <li>each resource a session subscribed to is counted with {@link ResourceUpdates} until its
 *   {@code resources/unsubscribe} or the session's end, so the hub knows someone is subscribed;</li>
 *   <li>a session no request named for {@code idle-timeout} is ended: its GET stream closes and its subscriptions
 *   go. A listening client stays: the SDK pings its GET stream every {@code hub.mcp.sse-keep-alive} and the
 *   client's answer names the session;</li>
 *   <li>memory is bounded: at most {@code max-total} sessions are reachable; one ended for its client's cap leaves
 *   the SDK's own table at once (through the SDK's DELETE handling), one ended when idle (no stream, never reached
 *   again) at the SDK's sweep, within twice {@code idle-timeout}.</li>
 * </ul>
 * The SDK's session object is caught as its factory makes it, on the request's thread, so that an idle session is
 * ended through the SDK.
 */
final class StreamableSessions {

    /** One open session: who opened it, the SDK's session, and when a request last named it. */
    private static final class Session {
        final UUID clientId;
        final McpStreamableServerSession sdkSession;
        final SessionSubscriptions subscriptions = new SessionSubscriptions();
        volatile long lastUsedNanos;

        Session(UUID clientId, McpStreamableServerSession sdkSession, long now) {
            this.clientId = clientId;
            this.sdkSession = sdkSession;
            this.lastUsedNanos = now;
        }
    }

    private final HttpServletStreamableServerTransportProvider transport;
    private final ObjectMapper mapper;
    // looked up when first needed: ResourceUpdates notifies through the MCP server these sessions belong to
    private final ObjectProvider<ResourceUpdates> updates;
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
            ObjectMapper mapper, ObjectProvider<ResourceUpdates> updates) {
        this.transport = transport;
        this.mapper = mapper;
        this.updates = updates;
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
        if (perClient.getOrDefault(clientId, 0) >= maxPerClient) {
            endLeastRecentlyUsed(clientId, request, response);
        }
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
        if ("POST".equals(request.getMethod())) {
            // as JsonRpcParamsGuard parsed it before the SDK reads the body
            JsonNode message = JsonRpcParamsGuard.messageOf(request);
            transport.service((ServletRequest) request, (ServletResponse) response);
            if (response.getStatus() < 300) {
                session.subscriptions.follow(message, updates::getObject);
            }
            return;
        }
        transport.service((ServletRequest) request, (ServletResponse) response);
        if ("GET".equals(request.getMethod()) && request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new CompleteOnError());
        }
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

    private void endLeastRecentlyUsed(UUID clientId, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Map.Entry<String, Session> oldest = sessions.entrySet().stream()
                .filter(entry -> entry.getValue().clientId.equals(clientId))
                .min(Comparator.comparingLong(entry -> entry.getValue().lastUsedNanos)).orElse(null);
        if (oldest != null && ended(oldest.getKey(), oldest.getValue())) {
            // the SDK forgets a session only on DELETE (or at its sweep): it is asked as the client would ask
            transport.service((ServletRequest) new DeleteOf(request, oldest.getKey()),
                    (ServletResponse) new Unanswered(response));
        }
    }

    private boolean ended(String sessionId, Session session) {
        if (sessions.remove(sessionId, session)) {
            release(session.clientId);
            session.subscriptions.endAll();
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

    /** The request, as a DELETE of the session {@code sessionId}. */
    private static final class DeleteOf extends HttpServletRequestWrapper {
        private final String sessionId;

        DeleteOf(HttpServletRequest request, String sessionId) {
            super(request);
            this.sessionId = sessionId;
        }

        @Override
        public String getMethod() {
            return "DELETE";
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name) ? sessionId : super.getHeader(name);
        }
    }

    /** Keeps what the SDK answers a {@link DeleteOf} from the response of the request that caused it. */
    private static final class Unanswered extends HttpServletResponseWrapper {
        Unanswered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            // the caller's request is answered by its own handler
        }

        @Override
        public void sendError(int status) {
            // as setStatus
        }

        @Override
        public void sendError(int status, String message) {
            // as setStatus
        }

        @Override
        public void setContentType(String type) {
            // as setStatus
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // as setStatus
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(Writer.nullWriter());
        }
    }

    /**
     * Completes a GET stream whose client went away. The SDK notices it first when a ping fails and marks the stream
     * closed from its own thread, which the container refuses after an error; its listener then leaves the stream
     * open and the container would hand the error to the error page, which cannot write to a streamed response.
     */
    private static final class CompleteOnError implements AsyncListener {
        @Override
        public void onError(AsyncEvent event) {
            try {
                event.getAsyncContext().complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the SDK's listener completed it
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to do
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // streams have no timeout
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a stream is started once
        }
    }
}
