# Attacks on the Kafka backbone's settings (issue 12 item 15). Sourced by bench/drills/attacks.sh.

# The GitHub topics the hub created carry their durability on the topic itself (replication factor and
# min.insync.replicas set explicitly, not the broker's defaults): asked of the hub's broker directly, with a
# Kafka Admin of our own, at the address the hub's kafka health reports.
attack_github_topics_durability() {
  local health bootstrap clients slf4j
  health=$(curl -s -u "operator:$operator_password" "$management/actuator/health")
  bootstrap=$(jq -r '.components.kafka.details.bootstrapServers // empty' <<<"$health")
  [ -n "$bootstrap" ] || { reason "no Kafka address in /actuator/health"; return 1; }
  [ "$(jq -r '.components.githubTopics.status' <<<"$health")" = UP ] \
    || { reason "githubTopics health is $(jq -c '.components.githubTopics' <<<"$health")"; return 1; }
  clients=$(ls ~/.m2/repository/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar)
  slf4j=$(find ~/.m2/repository/org/slf4j/slf4j-api -name 'slf4j-api-2*.jar' ! -name '*-sources.jar' | sort -V | tail -1)
  cat > "$work/TopicDurability.java" <<'JAVA'
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

public class TopicDurability {
    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0], "request.timeout.ms", 10000,
                "default.api.timeout.ms", 10000))) {
            for (String topic : List.of("github-events", "github-events.dlt")) {
                int replicas = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                ConfigEntry minInsync = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get("min.insync.replicas");
                System.out.println(topic + " " + replicas + " " + minInsync.value() + " " + minInsync.source());
            }
        }
    }
}
JAVA
  local found
  found=$(java -cp "$clients:$slf4j" "$work/TopicDurability.java" "$bootstrap" 2>"$work/topic-durability.err") \
    || { reason "could not describe the topics on $bootstrap (see $work/topic-durability.err)"; return 1; }
  # one in-process broker: min(3, 1) = 1 replica, min.insync.replicas max(1, 1 - 1) = 1, both set on the topic
  if [ "$found" != "$(printf 'github-events 1 1 DYNAMIC_TOPIC_CONFIG\ngithub-events.dlt 1 1 DYNAMIC_TOPIC_CONFIG')" ]; then
    reason "topics found as: $(tr '\n' ';' <<<"$found")"; return 1
  fi
}
