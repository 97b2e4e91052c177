package cc.chitty.connect.hub.ops;

import java.util.concurrent.TimeUnit;

import cc.chitty.connect.hub.kafka.KafkaClientProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Kafka's health check: the broker cluster answers a metadata request within two seconds. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final String bootstrapServers;

    KafkaHealthIndicator(Admin admin, KafkaClientProperties kafka) {
        super("Kafka is not reachable");
        this.admin = admin;
        this.bootstrapServers = kafka.bootstrapServers();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
        int brokers = cluster.nodes().get(2, TimeUnit.SECONDS).size();
        builder.up().withDetail("bootstrapServers", bootstrapServers).withDetail("brokers", brokers)
                .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS));
    }
}
