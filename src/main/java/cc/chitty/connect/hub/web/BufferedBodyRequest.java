package cc.chitty.connect.hub.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * A request whose body a filter has already read, replayed to whoever reads it next. A body read by
 * {@link #of(HttpServletRequest, HttpLimitsProperties)} is spooled ({@link SpooledBody}) and, by its owner's
 * {@link #release()}, deleted once the request is done, asynchronous answers included.
 */
public final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final SpooledBody body;
    private final boolean owner;
    private ServletInputStream stream;

    public BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        this(request, SpooledBody.of(body), false);
    }

    private BufferedBodyRequest(HttpServletRequest request, SpooledBody body, boolean owner) {
        super(request);
        this.body = body;
        this.owner = owner;
    }

    /**
     * The request with its body spooled: the body a filter before already spooled, or read now up to the path's
     * limit ({@link BodyTooLargeException} past it). Call {@link #release()} when the chain returns.
     */
    public static BufferedBodyRequest of(HttpServletRequest request, HttpLimitsProperties limits) throws IOException {
        BufferedBodyRequest earlier = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
        if (earlier != null) {
            return new BufferedBodyRequest(request, earlier.body, false);
        }
        return new BufferedBodyRequest(request, SpooledBody.read(request.getInputStream(),
                limits.limitFor(request.getRequestURI()), limits.spoolThreshold().toBytes()), true);
    }

    public SpooledBody body() {
        return body;
    }

    /** Deletes the spool this wrapper read, when the request is done (after its asynchronous answer, if any). */
    public void release() throws IOException {
        if (!owner) {
            return;
        }
        if (!isAsyncStarted()) {
            body.close();
            return;
        }
        getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) throws IOException {
                body.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                body.close();
            }

            @Override
            public void onError(AsyncEvent event) throws IOException {
                body.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // the same request goes on; its listeners are registered again by whoever restarts it
            }
        });
    }

    @Override
    public long getContentLengthLong() {
        return body.size();
    }

    @Override
    public int getContentLength() {
        return body.size() > Integer.MAX_VALUE ? -1 : (int) body.size();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new ReplayStream(body.open(), body.size());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class ReplayStream extends ServletInputStream {
        private final InputStream in;
        private long remaining;

        ReplayStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return remaining <= 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already buffered; read it synchronously");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
