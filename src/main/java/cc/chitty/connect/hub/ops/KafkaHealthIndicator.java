package cc.chitty.connect.hub.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Kafka's health check: the broker cluster answers a metadata request within two seconds. */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final String bootstrapServers;
    private Admin admin;

    KafkaHealthIndicator(String bootstrapServers) {
        super("Kafka is not reachable");
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000));
        int brokers = cluster.nodes().get(2, TimeUnit.SECONDS).size();
        builder.up().withDetail("bootstrapServers", bootstrapServers).withDetail("brokers", brokers)
                .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS));
    }

    /** Created on the first check, so it does not knock on a broker that is still starting. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "hub-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
