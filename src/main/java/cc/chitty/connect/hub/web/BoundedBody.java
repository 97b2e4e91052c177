package cc.chitty.connect.hub.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body of unknown length read through its path's limit: the first byte past {@code limit} fails the read
 * with {@link BodyTooLargeException} (413 at every door), so a chunked body is held to the same limit as an announced
 * one without being buffered first.
 */
public final class BoundedBody extends FilterInputStream {

    private final long limit;
    private long read;

    public BoundedBody(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws BodyTooLargeException {
        read += n;
        if (read > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
