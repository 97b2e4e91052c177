package cc.chitty.connect.hub.github;

import java.util.regex.Pattern;

/** Names of the headers a GitHub event carries from the intake through Kafka to the dead-letter topic. */
public final class GitHubHeaders {

    public static final String DELIVERY = "X-GitHub-Delivery";
    public static final String EVENT = "X-GitHub-Event";
    public static final String SIGNATURE = "X-Hub-Signature-256";
    /** When the hub accepted the delivery, epoch milliseconds. */
    public static final String RECEIVED_AT = "X-Hub-Received-At";
    /** Set on a record an operator sent back from the dead-letter topic. */
    public static final String REPLAYED_BY = "X-Hub-Replayed-By";

    /** Dead-letter headers: what failed, how often, and where the record came from. */
    public static final String ERROR_CLASS = "X-Hub-Error-Class";
    public static final String ERROR_DETAIL = "X-Hub-Error-Detail";
    public static final String ERROR_EXCEPTION = "X-Hub-Error-Exception";
    public static final String ERROR_SERVICE = "X-Hub-Error-Service";
    public static final String ERROR_UPSTREAM_STATUS = "X-Hub-Error-Upstream-Status";
    public static final String ATTEMPTS = "X-Hub-Attempts";
    public static final String FAILED_AT = "X-Hub-Failed-At";
    public static final String ORIGIN = "X-Hub-Origin";

    // GitHub sends a GUID (a redelivery repeats it); the bound fits camel_messageprocessed.messageid
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    // every documented event name (projects_v2_item, security_and_analysis, …): lower case, digits, underscores;
    // a format rather than a list, so an event GitHub adds later is queued, not refused
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Whether {@code id} is in the format of GitHub's {@value #DELIVERY} values. */
    public static boolean isDeliveryId(String id) {
        return DELIVERY_ID.matcher(id).matches();
    }

    /** Whether {@code name} is in the format of GitHub's {@value #EVENT} values. */
    public static boolean isEventName(String name) {
        return EVENT_NAME.matcher(name).matches();
    }

    private GitHubHeaders() {
    }
}
