package cc.chitty.connect.hub.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two hub instances on one PostgreSQL, as far as changes go: two buses, each on its own listening connection,
 * besides the hub's own.
 */
class AnswerChangesTest extends HubIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ObjectMapper mapper;

    private AnswerChanges instanceA;
    private AnswerChanges instanceB;
    private final List<String> heardByA = new CopyOnWriteArrayList<>();
    private final List<String> heardByB = new CopyOnWriteArrayList<>();
    private final String capability = "test.watched-" + UUID.randomUUID();

    @BeforeEach
    void startTwoInstances() {
        instanceA = new AnswerChanges(dataSource, mapper);
        instanceB = new AnswerChanges(dataSource, mapper);
        instanceA.onChange(heard -> record(heard, heardByA));
        instanceB.onChange(heard -> record(heard, heardByB));
        instanceA.start();
        instanceB.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> instanceA.listening() && instanceB.listening());
    }

    @AfterEach
    void stopThem() {
        instanceA.stop();
        instanceB.stop();
    }

    @Test
    void aChangeSeenByOneInstanceReachesBothAndIsAnnouncedOnce() {
        assertThat(instanceA.announce(capability, Map.of("status", "healthy", "code", 200))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> heardByA.size() == 1 && heardByB.size() == 1);

        // the same content again, from A and then from B (keys in another order): no change, nothing announced
        assertThat(instanceA.announce(capability, Map.of("status", "healthy", "code", 200))).isFalse();
        assertThat(instanceB.announce(capability, Map.of("code", 200, "status", "healthy"))).isFalse();

        assertThat(instanceB.announce(capability, Map.of("status", "degraded", "code", 503))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> heardByA.size() == 2 && heardByB.size() == 2);
        assertThat(heardByA).containsExactly(capability, capability);
        assertThat(jdbc().sql("SELECT count(*) FROM answer_versions WHERE capability = :c").param("c", capability)
                .query(Integer.class).single()).isEqualTo(1);

        // A heard B's change, so going back to A's first content is a change again
        assertThat(instanceA.announce(capability, Map.of("status", "healthy", "code", 200))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> heardByA.size() == 3 && heardByB.size() == 3);
    }

    private void record(String heard, List<String> into) {
        if (heard.equals(capability)) {
            into.add(heard);
        }
    }
}
