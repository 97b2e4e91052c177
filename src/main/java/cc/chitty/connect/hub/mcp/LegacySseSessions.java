package cc.chitty.connect.hub.mcp;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cc.chitty.connect.hub.security.ClientAuthentication;
import cc.chitty.connect.hub.web.Problem;
import cc.chitty.connect.hub.web.ProblemWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import reactor.core.publisher.Mono;

/**
 * The legacy SSE transport's sessions, bound to the API key that opened them. The SDK finds a session by the
 * {@code sessionId} of {@code POST /mcp/message} alone; here, in front of it:
 * <ul>
 *   <li>a POST to a session opened by another key, or to one that has ended, is answered 404 (the same answer for
 *   both, so an id learnt elsewhere tells nothing);</li>
 *   <li>a key may hold at most {@code hub.mcp.sse-max-streams-per-key} open streams; one more is 429;</li>
 *   <li>a session no message has been posted to for {@code hub.mcp.sse-idle-timeout} is closed, ending its
 *   stream;</li>
 *   <li>each resource a session subscribed to ({@code resources/subscribe}, until {@code resources/unsubscribe} or
 *   the stream's end) is counted with {@link ResourceUpdates}, so the hub knows someone is subscribed.</li>
 * </ul>
 * The session id is read from the {@code endpoint} event the SDK writes when the stream opens, and the session is
 * registered before that event reaches the client (which may post at once); the SDK's session object is caught as its
 * factory makes it, on the same thread, so that an idle one is closed through the SDK and a
 * subscribed one can be sent a resource update (the SDK's SSE transport does not offer per-session notifications).
 */
class LegacySseSessions extends OncePerRequestFilter implements DisposableBean {

    static final String SSE_PATH = "/mcp/sse";
    static final String MESSAGE_PATH = "/mcp/message";
    private static final Pattern SESSION_ID = Pattern.compile("sessionId=([0-9A-Za-z-]+)");

    /** One open stream: who opened it, the SDK's session, when it was last used and what it subscribed to. */
    private static final class Session {
        final UUID keyId;
        final McpServerSession sdkSession;
        final SessionSubscriptions subscriptions = new SessionSubscriptions();
        volatile long lastUsedNanos;

        Session(UUID keyId, McpServerSession sdkSession, long now) {
            this.keyId = keyId;
            this.sdkSession = sdkSession;
            this.lastUsedNanos = now;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> streamsPerKey = new ConcurrentHashMap<>();
    private final ThreadLocal<McpServerSession> opening = new ThreadLocal<>();
    private final Duration idleTimeout;
    private final int maxStreamsPerKey;
    private final ProblemWriter problems;
    // looked up when first needed: ResourceUpdates notifies through the MCP server that holds these sessions
    private final ObjectProvider<ResourceUpdates> updates;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mcp-sse-idle-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    LegacySseSessions(McpProperties properties, ProblemWriter problems, ObjectProvider<ResourceUpdates> updates) {
        this.idleTimeout = properties.sseIdleTimeout();
        this.maxStreamsPerKey = properties.sseMaxStreamsPerKey();
        this.problems = problems;
        this.updates = updates;
        long period = Math.max(1000, idleTimeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(() -> closeIdle(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
    }

    /** The SDK's transport as the MCP server should see it: every session it makes is caught for binding. */
    McpServerTransportProvider bind(HttpServletSseServerTransportProvider transport) {
        return new McpServerTransportProvider() {
            @Override
            public void setSessionFactory(McpServerSession.Factory factory) {
                transport.setSessionFactory(sessionTransport -> {
                    McpServerSession session = factory.create(sessionTransport);
                    opening.set(session);
                    return session;
                });
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return transport.notifyClients(method, params);
            }

            /** Resource updates for one subscriber ({@link ResourceUpdates}); {@code sessionId} is the SDK's. */
            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return sessions.values().stream().map(session -> session.sdkSession)
                        .filter(sdkSession -> sdkSession.getId().equals(sessionId)).findFirst()
                        .map(sdkSession -> sdkSession.sendNotification(method, params)).orElse(Mono.empty());
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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getUserPrincipal() instanceof ClientAuthentication caller)) {
            chain.doFilter(request, response);
            return;
        }
        // an API key's id, or an access token's issuer and subject as a UUID
        UUID keyId = caller.client().id();
        if ("GET".equals(request.getMethod()) && SSE_PATH.equals(request.getServletPath())) {
            open(keyId, request, response, chain);
        } else if ("POST".equals(request.getMethod()) && MESSAGE_PATH.equals(request.getServletPath())) {
            post(keyId, request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void open(UUID keyId, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!reserveStream(keyId)) {
            problems.write(response, Problem.of(429, "too-many-streams", "Too many open streams",
                    "This key already holds " + maxStreamsPerKey + " open SSE streams; close one first")
                    .with("limit", maxStreamsPerKey));
            return;
        }
        // registered as the endpoint event is written, before the client can read it and post to the session
        EndpointCapture capture = new EndpointCapture(response,
                id -> sessions.put(id, new Session(keyId, opening.get(), System.nanoTime())));
        boolean streaming = false;
        try {
            chain.doFilter(request, capture);
            String id = capture.sessionId;
            if (id != null && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new StreamEnd(() -> ended(id, keyId)));
                streaming = true;
            }
        } finally {
            opening.remove();
            if (!streaming) {
                forget(capture.sessionId, keyId);
            }
        }
    }

    private void forget(String sessionId, UUID keyId) {
        if (sessionId != null && sessions.containsKey(sessionId)) {
            ended(sessionId, keyId);
        } else {
            releaseStream(keyId);
        }
    }

    private void post(UUID keyId, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sessionId = request.getParameter("sessionId");
        if (sessionId == null) {
            chain.doFilter(request, response);
            return;
        }
        Session session = sessions.get(sessionId);
        if (session == null || !session.keyId.equals(keyId)) {
            problems.write(response, Problem.of(404, "unknown-session", "Unknown session",
                    "No open session of this key has that id"));
            return;
        }
        session.lastUsedNanos = System.nanoTime();
        // as JsonRpcParamsGuard, which runs before, parsed it
        JsonNode message = JsonRpcParamsGuard.messageOf(request);
        chain.doFilter(request, response);
        if (response.getStatus() < 300) {
            session.subscriptions.follow(message, updates::getObject);
        }
    }

    /** Closes every session not used since {@code idle-timeout} before {@code now} (System.nanoTime()). */
    void closeIdle(long now) {
        long idle = idleTimeout.toNanos();
        sessions.forEach((id, session) -> {
            if (now - session.lastUsedNanos > idle) {
                session.sdkSession.closeGracefully().subscribe(done -> { }, failed -> ended(id, session.keyId));
            }
        });
    }

    private void ended(String sessionId, UUID keyId) {
        Session session = sessions.remove(sessionId);
        if (session != null) {
            releaseStream(keyId);
            session.subscriptions.endAll();
        }
    }

    private boolean reserveStream(UUID keyId) {
        boolean[] reserved = {false};
        streamsPerKey.compute(keyId, (key, open) -> {
            int count = open == null ? 0 : open;
            reserved[0] = count < maxStreamsPerKey;
            return reserved[0] ? count + 1 : open;
        });
        return reserved[0];
    }

    private void releaseStream(UUID keyId) {
        streamsPerKey.computeIfPresent(keyId, (key, open) -> open <= 1 ? null : open - 1);
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }

    /** Reads the session id from the {@code endpoint} event, the first thing the SDK writes to a new stream. */
    private static final class EndpointCapture extends HttpServletResponseWrapper {
        volatile String sessionId;
        private final Consumer<String> opened;
        private PrintWriter writer;

        EndpointCapture(HttpServletResponse response, Consumer<String> opened) {
            super(response);
            this.opened = opened;
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter target = super.getWriter();
                writer = new PrintWriter(target) {
                    @Override
                    public void write(String text, int offset, int length) {
                        if (sessionId == null) {
                            Matcher found = SESSION_ID.matcher(text.substring(offset, offset + length));
                            if (found.find()) {
                                sessionId = found.group(1);
                                opened.accept(sessionId);
                            }
                        }
                        super.write(text, offset, length);
                    }

                    @Override
                    public boolean checkError() {
                        // the servlet container's writer records a broken connection; the SDK asks this one
                        return super.checkError() || target.checkError();
                    }
                };
            }
            return writer;
        }
    }
}
