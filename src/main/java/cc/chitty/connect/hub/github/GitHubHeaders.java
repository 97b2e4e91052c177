package cc.chitty.connect.hub.github;

import java.util.regex.Pattern;

/** Names of the headers a GitHub event carries from the intake through Kafka to the dead-letter topic. */
final class GitHubHeaders {

    static final String DELIVERY = "X-GitHub-Delivery";
    static final String EVENT = "X-GitHub-Event";
    static final String SIGNATURE = "X-Hub-Signature-256";
    /** When the hub accepted the delivery, epoch milliseconds. */
    static final String RECEIVED_AT = "X-Hub-Received-At";
    /** Set on a record an operator sent back from the dead-letter topic. */
    static final String REPLAYED_BY = "X-Hub-Replayed-By";

    /** Dead-letter headers: what failed, how often, and where the record came from. */
    static final String ERROR_CLASS = "X-Hub-Error-Class";
    static final String ERROR_DETAIL = "X-Hub-Error-Detail";
    static final String ERROR_EXCEPTION = "X-Hub-Error-Exception";
    static final String ERROR_SERVICE = "X-Hub-Error-Service";
    static final String ERROR_UPSTREAM_STATUS = "X-Hub-Error-Upstream-Status";
    static final String ATTEMPTS = "X-Hub-Attempts";
    static final String FAILED_AT = "X-Hub-Failed-At";
    static final String ORIGIN = "X-Hub-Origin";

    // GitHub sends a GUID (a redelivery repeats it); the bound fits camel_messageprocessed.messageid
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    // every documented event name (projects_v2_item, security_and_analysis, …): lower case, digits, underscores;
    // a format rather than a list, so an event GitHub adds later is queued, not refused
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Whether {@code id} is in the format of GitHub's {@value #DELIVERY} values. */
    static boolean isDeliveryId(String id) {
        return DELIVERY_ID.matcher(id).matches();
    }

    /** Whether {@code name} is in the format of GitHub's {@value #EVENT} values. */
    static boolean isEventName(String name) {
        return EVENT_NAME.matcher(name).matches();
    }

    private GitHubHeaders() {
    }
}
