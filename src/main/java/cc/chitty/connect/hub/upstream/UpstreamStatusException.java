package cc.chitty.connect.hub.upstream;

/** The upstream answered with a non-2xx status. */
public final class UpstreamStatusException extends RuntimeException {

    private final String service;
    private final int status;
    private final Long retryAfterSeconds;
    private final transient Object body;

    public UpstreamStatusException(String service, int status, Long retryAfterSeconds, Object body) {
        super("upstream " + service + " answered " + status, null, false, false);
        this.service = service;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.body = body;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Object body() {
        return body;
    }
}
