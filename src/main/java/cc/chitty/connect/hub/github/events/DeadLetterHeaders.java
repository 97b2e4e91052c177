package cc.chitty.connect.hub.github.events;

import java.time.Instant;

import cc.chitty.connect.hub.github.GitHubHeaders;
import cc.chitty.connect.hub.github.automation.GitHubEventProcessor;
import cc.chitty.connect.hub.upstream.Fault;
import cc.chitty.connect.hub.upstream.FaultClassifier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * Writes why a record is dead-lettered into its headers: the fault's class and hub-written detail (never an
 * exception message, which could carry a secret), the exception type, the upstream involved, the number of
 * attempts, when, and the topic/partition/offset it came from.
 */
@Component
class DeadLetterHeaders implements Processor {

    private final FaultClassifier faults;

    DeadLetterHeaders(FaultClassifier faults) {
        this.faults = faults;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Fault fault = faults.classify(failure, null);
        var message = exchange.getMessage();
        message.setHeader(GitHubHeaders.ERROR_CLASS, fault.errorClass().id());
        message.setHeader(GitHubHeaders.ERROR_DETAIL, fault.detail());
        message.setHeader(GitHubHeaders.ERROR_EXCEPTION, failure == null ? "" : failure.getClass().getName());
        if (fault.service() != null) {
            message.setHeader(GitHubHeaders.ERROR_SERVICE, fault.service());
        }
        if (fault.upstreamStatus() != null) {
            message.setHeader(GitHubHeaders.ERROR_UPSTREAM_STATUS, fault.upstreamStatus().toString());
        }
        message.setHeader(GitHubHeaders.ATTEMPTS,
                exchange.getProperty(GitHubEventProcessor.ATTEMPTS, 0, Integer.class).toString());
        message.setHeader(GitHubHeaders.FAILED_AT, Instant.now().toString());
        message.setHeader(GitHubHeaders.ORIGIN, message.getHeader(KafkaConstants.TOPIC) + "/"
                + message.getHeader(KafkaConstants.PARTITION) + "/" + message.getHeader(KafkaConstants.OFFSET));
    }
}
