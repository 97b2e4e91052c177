package cc.chitty.connect.hub.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body read once and kept for replay. Guarantees: it holds at most {@code memoryThreshold} bytes on the
 * heap whatever the body's size (past that it moves to a temporary file only this process may read); reading stops
 * at the first byte past {@code limit} with {@link BodyTooLargeException}, leaving nothing behind; {@link #close()}
 * deletes the file.
 */
public final class SpooledBody implements Closeable {

    private static final int BUFFER = 8192;

    private final byte[] memory;
    private final Path file;
    private final long size;

    private SpooledBody(byte[] memory, Path file, long size) {
        this.memory = memory;
        this.file = file;
        this.size = size;
    }

    public static SpooledBody of(byte[] body) {
        return new SpooledBody(body, null, body.length);
    }

    public static SpooledBody read(InputStream in, long limit, long memoryThreshold) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream(BUFFER);
        OutputStream out = memory;
        Path file = null;
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > limit) {
                    throw new BodyTooLargeException(limit);
                }
                if (file == null && size > memoryThreshold) {
                    file = Files.createTempFile("hub-body-", ".spool");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
            }
            out.close();
            return new SpooledBody(file == null ? memory.toByteArray() : null, file, size);
        } catch (IOException | RuntimeException e) {
            out.close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    /** A new stream over the whole body, from its first byte. */
    public InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    /** The whole body on the heap: only for bodies already known to be small or trusted. */
    public byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
