package cc.chitty.connect.hub.support;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A chunked POST over a raw socket, its body generated as it is sent (a prelude, then {@code 'a'} bytes), so a
 * test can send far more than any heap holds; Java's HTTP client gives up on an answer that comes before the body
 * is sent.
 */
public final class ChunkedPost {

    private ChunkedPost() {
    }

    /**
     * The status line and headers as sent, and the body (read by its Content-Length); whether the hub then closed
     * the connection (always so when the request asked for it).
     */
    public record Answer(int status, String head, String body, boolean hungUp) {
    }

    /**
     * Streams {@code size} bytes as a chunked request body until the hub answers (or closes the connection after
     * answering), and returns the answer. The hub may stop reading once it has answered: a failed write then is
     * expected, the answer already read is what counts.
     */
    public static Answer send(int port, String path, Map<String, String> headers, String prelude, long size)
            throws Exception {
        return send(port, path, headers, prelude, size, false);
    }

    /**
     * The same on a connection the client wants to keep: once answered it stops sending, the body unfinished, and
     * waits up to 30 s for the hub to close the connection ({@link Answer#hungUp}).
     */
    public static Answer sendKeepingAlive(int port, String path, Map<String, String> headers, String prelude,
            long size) throws Exception {
        return send(port, path, headers, prelude, size, true);
    }

    private static Answer send(int port, String path, Map<String, String> headers, String prelude, long size,
            boolean keepAlive) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(keepAlive ? 30_000 : 60_000);
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> readAnswer(socket));
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nTransfer-Encoding: chunked\r\n" + (keepAlive ? "" : "Connection: close\r\n"));
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), chunk.length * 2);
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                byte[] first = prelude.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(first);
                out.write(crlf);
                for (long sent = first.length; sent < size && !answer.isDone(); sent += chunk.length) {
                    out.write(chunkHeader);
                    out.write(chunk);
                    out.write(crlf);
                }
                if (!keepAlive) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedAfterAnswering) {
                // the hub closed the connection after its answer; the answer is read below
            }
            return answer.get(60, TimeUnit.SECONDS);
        }
    }

    private static Answer readAnswer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head.isEmpty()) {
                return new Answer(-1, "(the connection closed without an answer)", "", true);
            }
            int length = -1;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            byte[] body = length >= 0 ? in.readNBytes(length) : new byte[0];
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, new String(body, StandardCharsets.UTF_8),
                    hungUp(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the connection ends after the answer: end of stream, or a reset, before the socket's timeout. */
    private static boolean hungUp(InputStream in) {
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
