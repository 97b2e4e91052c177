package cc.chitty.connect.hub.web;

import java.io.IOException;

/** The request body grew past the limit of its path while it was being read. */
public final class RequestTooLargeException extends IOException {

    private final long limit;

    RequestTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
