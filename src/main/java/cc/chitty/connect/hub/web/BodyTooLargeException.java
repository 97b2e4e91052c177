package cc.chitty.connect.hub.web;

import java.io.IOException;

import cc.chitty.connect.hub.upstream.ErrorClass;

/** A request body ran past its path's limit while it was read; {@link #problem()} is the 413 every door answers. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than the " + limit + " bytes this path accepts");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    public Problem problem() {
        return Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than the " + limit + " bytes this path accepts").with("limit", limit)
                .with("errorClass", ErrorClass.TOO_LARGE.id());
    }
}
