package cc.chitty.connect.hub.github.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import cc.chitty.connect.hub.github.GitHubTestSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The processed-delivery repository on the real database: an id is recorded once, whoever records it first. */
class ProcessedDeliveriesTest extends GitHubTestSupport {

    @Autowired
    @Qualifier(GitHubEventRoutes.REPOSITORY)
    private JdbcMessageIdRepository processed;

    @Test
    void anIdRecordedIsFoundAndRecordingItAgainIsRefused() {
        String id = newDeliveryId();

        assertThat(processed.contains(id)).isFalse();
        assertThat(processed.add(id)).isTrue();
        assertThat(processed.contains(id)).isTrue();
        assertThat(processed.add(id)).isFalse();
        assertThat(jdbc().sql("SELECT count(*) FROM camel_messageprocessed"
                        + " WHERE processorname = :p AND messageid = :id")
                .param("p", GitHubEventRoutes.PROCESSOR_NAME).param("id", id).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void ofEightConcurrentRecordingsOfOneIdExactlyOneSucceeds() throws Exception {
        String id = newDeliveryId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> adds = IntStream.range(0, 8)
                    .<Callable<Boolean>>mapToObj(i -> () -> processed.add(id)).toList();
            long succeeded = 0;
            for (Future<Boolean> add : pool.invokeAll(adds)) {
                succeeded += add.get() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPollsIdsAreLookedUpAndRecordedAtOnceAndAnIdRecordedBeforeStaysAsItWas() {
        ProcessedDeliveryIds batch = (ProcessedDeliveryIds) processed;
        String before = newDeliveryId();
        String applied = newDeliveryId();
        String unknown = newDeliveryId();
        processed.add(before);

        assertThat(batch.processedAmong(List.of(before, applied, unknown))).containsExactly(before);
        batch.recordAll(List.of(before, applied));

        assertThat(batch.processedAmong(List.of(before, applied, unknown))).containsExactlyInAnyOrder(before, applied);
        assertThat(jdbc().sql("SELECT count(*) FROM camel_messageprocessed WHERE processorname = :p"
                        + " AND messageid IN (:before, :applied)").param("p", GitHubEventRoutes.PROCESSOR_NAME)
                .param("before", before).param("applied", applied).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anIdRemovedAfterAFailureIsNoLongerFound() {
        String id = newDeliveryId();
        processed.add(id);

        assertThat(processed.remove(id)).isTrue();
        assertThat(processed.contains(id)).isFalse();
    }
}
