package cc.chitty.connect.hub.github;

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

    private GitHubHeaders() {
    }
}
