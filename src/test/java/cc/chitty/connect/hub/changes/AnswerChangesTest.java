package cc.chitty.connect.hub.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    @Test
    void oneChangeSeenByBothInstancesAtOnceIsAnnouncedOnce() throws Exception {
        // as when both instances refresh for their subscribers in the same moment
        instanceA.announce(capability, Map.of("registered", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> heardByA.size() == 1 && heardByB.size() == 1);
        ExecutorService both = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> sightings = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                AnswerChanges instance = i % 2 == 0 ? instanceA : instanceB;
                sightings.add(both.submit(() -> {
                    start.await();
                    return instance.announce(capability, Map.of("registered", 4));
                }));
            }
            start.countDown();
            int announced = 0;
            for (Future<Boolean> sighting : sightings) {
                announced += sighting.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(announced).isEqualTo(1);
        } finally {
            both.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> heardByA.size() == 2 && heardByB.size() == 2);
    }

    private void record(String heard, List<String> into) {
        if (heard.equals(capability)) {
            into.add(heard);
        }
    }
}
