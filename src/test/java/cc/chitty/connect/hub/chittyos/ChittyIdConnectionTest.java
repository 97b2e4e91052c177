package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static java.time.Duration.ZERO;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import cc.chitty.connect.hub.upstream.UpstreamProbes;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The v2.2 connection manager against the ChittyID stand-in. The backoff is observed as the delays the connection
 * asks its timer for, stepped by the test, so nothing depends on how fast the machine is.
 */
class ChittyIdConnectionTest extends HubIntegrationTest {

    @Autowired
    private UpstreamProbes probes;

    @Autowired
    private ChittyIdConnectionManager manager;

    /** A timer the test steps: each probe waits until the test runs it; every requested delay is recorded. */
    private static final class SteppedTimer implements ChittyIdConnection.Timer {
        final Deque<Runnable> pending = new ArrayDeque<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public void schedule(Duration delay, Runnable task) {
            delays.add(delay);
            pending.add(task);
        }

        void runNext() {
            pending.remove().run();
        }
    }

    private final SteppedTimer timer = new SteppedTimer();
    private final List<String> transitions = new ArrayList<>();

    @AfterEach
    void quietTheHubsConnection() {
        manager.disconnect();
    }

    private ChittyIdConnection connection(int maxAttempts) {
        return new ChittyIdConnection(new ChittyIdConnection.Settings(ofSeconds(30), ofSeconds(1), ofSeconds(4),
                maxAttempts), () -> probes.probe("chittyid", "/health"), timer,
                (from, to) -> transitions.add(from.id() + "->" + to.id()), Clock.systemUTC());
    }

    private static StubMapping healthDown() {
        return StandIns.of("chittyid").stubFor(get(urlPathEqualTo("/health")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    @Test
    void aServiceThatGoesDownAndComesBackIsReconnectedWithADoublingBackoff() {
        ChittyIdConnection connection = connection(0);

        connection.connect();
        timer.runNext();
        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);

        StubMapping down = healthDown();
        for (int probe = 0; probe < 5; probe++) {
            timer.runNext();
        }
        assertThat(connection.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(connection.snapshot().reconnectAttempts()).isEqualTo(5);

        StandIns.of("chittyid").removeStub(down);
        timer.runNext();

        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connection.snapshot().reconnectAttempts()).isZero();
        // connect at once, health check after 30 s, reconnects after 1, 2, 4 s and then the 4 s cap, health check
        assertThat(timer.delays).containsExactly(ZERO, ofSeconds(30), ofSeconds(1), ofSeconds(2), ofSeconds(4),
                ofSeconds(4), ofSeconds(4), ofSeconds(30));
        assertThat(transitions).containsExactly("disconnected->connecting", "connecting->connected",
                "connected->reconnecting", "reconnecting->connected");
        StandIns.of("chittyid").verify(7, getRequestedFor(urlPathEqualTo("/health")));
        assertThat(parse(asOperator(request("/admin/breakers").GET()).body()).get("chittyid").asText())
                .isEqualTo("closed");
    }

    @Test
    void theV22DefaultsAreAProbeEvery30sAndABackoffFrom1sDoublingTo60s() {
        ChittyIdConnection connection = new ChittyIdConnection(new ChittyIdConnectionManager.Properties(null, null,
                null, null, null).settings(), () -> null, timer, (from, to) -> { }, Clock.systemUTC());

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100).stream().map(connection::backoff).toList())
                .containsExactly(ofSeconds(1), ofSeconds(2), ofSeconds(4), ofSeconds(8), ofSeconds(16), ofSeconds(32),
                        ofSeconds(60), ofSeconds(60), ofSeconds(60));
        assertThat(new ChittyIdConnectionManager.Properties(null, null, null, null, null).settings())
                .isEqualTo(new ChittyIdConnection.Settings(ofSeconds(30), ofSeconds(1), ofSeconds(60), 0));
    }

    @Test
    void withAnAttemptLimitTheConnectionFailsAndStopsProbingUntilConnectedAgain() {
        ChittyIdConnection connection = connection(2);
        healthDown();

        connection.connect();
        timer.runNext();
        timer.runNext();
        timer.runNext();

        assertThat(connection.state()).isEqualTo(ConnectionState.FAILED);
        assertThat(timer.pending).isEmpty();
        assertThat(transitions).containsExactly("disconnected->connecting", "connecting->reconnecting",
                "reconnecting->failed");

        connection.connect();
        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(timer.pending).hasSize(1);
    }

    @Test
    void theHubsConnectionStateShowsInHealthPrometheusAndJmx() {
        manager.reconnect();
        await().until(() -> "connected".equals(parse(send(request("/health").GET().build()).body())
                .at("/checks/chittyid").asText()));

        String metrics = asOperator(request("/actuator/prometheus").GET()).body();
        assertThat(metrics).contains("hub_chittyid_connection_state{application=\"chittyconnect-hub\","
                + "state=\"connected\"} 1.0");
        assertThat(metrics).contains("hub_chittyid_connection_state{application=\"chittyconnect-hub\","
                + "state=\"reconnecting\"} 0.0");
        assertThat(metrics).containsPattern("hub_chittyid_connection_transitions_total\\{[^}]*from=\"connecting\","
                + "to=\"connected\"} [1-9]");
        // Jolokia's origin check (jolokia-access.xml) refuses a request that names no origin
        String jmx = asOperator(request("/actuator/jolokia/read/" + ChittyIdConnectionManager.OBJECT_NAME
                + "/State").header("Origin", "http://127.0.0.1:" + port).GET()).body();
        assertThat(parse(jmx).path("value").asText()).as(jmx).isEqualTo("connected");

        healthDown();
        manager.reconnect();
        await().until(() -> "reconnecting".equals(parse(send(request("/health").GET().build()).body())
                .at("/checks/chittyid").asText()));
        assertThat(asOperator(request("/actuator/health/chittyid").GET()).body()).contains("DOWN")
                .contains("\"lastFailure\":\"status 503\"");
    }
}
