package cc.chitty.connect.hub.mcp;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

import cc.chitty.connect.hub.capability.CapabilityFailure;
import cc.chitty.connect.hub.upstream.ErrorClass;
import cc.chitty.connect.hub.upstream.Fault;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Fetches the file {@code chitty_evidence_ingest} names, where the original fetched any URL: https only, hosts on
 * {@code hub.mcp.evidence-fetch.allowed-hosts} only, never an address that is loopback, private, link-local,
 * unique-local, shared (CGNAT), multicast or unspecified unless it lies in a network the operator allowed
 * ({@code allowed-networks}) — every address the name resolves to is checked, and the connection goes only to
 * checked addresses, so a name cannot be re-pointed between check and connect. Addresses that carry an IPv4
 * address for a gateway to reach (IPv4-mapped and -compatible, NAT64, 6to4, Teredo), 198.18.0.0/15 and
 * 240.0.0.0/4 count as non-public. Redirects are refused, not followed; the body is streamed and cut off past
 * {@code max-size}; the whole download, connect to last byte, is aborted at {@code deadline}.
 */
@Component
@EnableConfigurationProperties(McpProperties.class)
class EvidenceFetcher implements DisposableBean {

    /** An open download; close it when the capability has consumed the content. */
    record Download(CappedStream content, String fileName, String contentType, ClassicHttpResponse response,
            Deadline deadline) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            deadline.cancel();
            response.close();
        }
    }

    /** Aborts the request, wherever it is (connect, headers, body), when the download's time is up. */
    static final class Deadline {
        private final ScheduledFuture<?> timer;
        private final AtomicBoolean expired = new AtomicBoolean();
        private final Duration length;

        Deadline(ScheduledExecutorService timers, Duration length, Cancellable request) {
            this.length = length;
            this.timer = timers.schedule(() -> {
                expired.set(true);
                request.cancel();
            }, length.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean expired() {
            return expired.get();
        }

        void cancel() {
            timer.cancel(false);
        }

        /** The failure of a download that the deadline cut off. */
        CapabilityFailure failure() {
            return new CapabilityFailure(Fault.of(ErrorClass.TIMEOUT, "The file at fileUrl was not fetched within "
                    + length.toSeconds() + " s (hub.mcp.evidence-fetch.deadline)"));
        }
    }

    static final String TOOL = "chitty_evidence_ingest";

    private final McpProperties.EvidenceFetch settings;
    private final List<IpAddressMatcher> allowedNetworks;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "evidence-fetch-deadline");
        thread.setDaemon(true);
        return thread;
    });

    EvidenceFetcher(McpProperties properties) throws GeneralSecurityException, IOException {
        this.settings = properties.evidenceFetch();
        this.allowedNetworks = settings.allowedNetworks().stream().map(IpAddressMatcher::new).toList();
        Timeout timeout = Timeout.of(settings.timeout());
        DnsResolver publicOnly = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
                for (InetAddress address : addresses) {
                    if (isForbidden(address)) {
                        throw new UnknownHostException(host + " resolves to a non-public address");
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(publicOnly)
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                // the file as stored, and its Content-Length checked against the cap before anything is read
                .disableContentCompression()
                .build();
    }

    /** Opens the download after every check; a refusal names {@code fileUrl} and why. */
    Download open(String fileUrl) throws IOException {
        URI uri = checkedUri(fileUrl);
        for (InetAddress address : resolve(uri.getHost())) {
            if (isForbidden(address)) {
                throw refused("resolves to a loopback, private or link-local address outside the allowed networks");
            }
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "*/*");
        Deadline deadline = new Deadline(deadlines, settings.deadline(), get);
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, get, null);
        } catch (IOException e) {
            deadline.cancel();
            if (deadline.expired()) {
                throw deadline.failure();
            }
            throw e;
        }
        try {
            int status = response.getCode();
            if (status >= 300 && status < 400) {
                throw refused("redirected (" + status + "); redirects are not followed");
            }
            HttpEntity entity = response.getEntity();
            if (status >= 400 || entity == null) {
                throw refused("could not be fetched (HTTP " + status + ")");
            }
            long max = settings.maxSize().toBytes();
            if (entity.getContentLength() > max) {
                throw tooLarge(max);
            }
            Header type = response.getFirstHeader("Content-Type");
            return new Download(new CappedStream(entity.getContent(), max), fileNameOf(uri),
                    type != null ? type.getValue() : "application/octet-stream", response, deadline);
        } catch (IOException | RuntimeException e) {
            deadline.cancel();
            response.close();
            throw e;
        }
    }

    private SSLContext sslContext() throws GeneralSecurityException, IOException {
        if (settings.trustStore() == null || settings.trustStore().isBlank()) {
            return SSLContexts.createSystemDefault();
        }
        char[] password = settings.trustStorePassword() != null ? settings.trustStorePassword().toCharArray()
                : null;
        return SSLContexts.custom().loadTrustMaterial(new File(settings.trustStore()), password).build();
    }

    private URI checkedUri(String fileUrl) {
        URI uri;
        try {
            uri = URI.create(fileUrl);
        } catch (IllegalArgumentException e) {
            throw refused("is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw refused("must name a host and no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (settings.allowedHosts().stream().noneMatch(allowed -> matches(allowed.toLowerCase(Locale.ROOT), host))) {
            throw refused("names a host that is not on hub.mcp.evidence-fetch.allowed-hosts");
        }
        return uri;
    }

    private static boolean matches(String allowed, String host) {
        return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host);
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused("names a host that does not resolve");
        }
    }

    boolean isForbidden(InetAddress address) {
        return isNonPublic(address) && allowedNetworks.stream().noneMatch(n -> n.matches(address.getHostAddress()));
    }

    static boolean isNonPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 "this network", 100.64.0.0/10 shared (CGNAT), 198.18.0.0/15 benchmarking,
            // 240.0.0.0/4 reserved (and the broadcast address)
            return first == 0 || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second & 0xfe) == 18) || first >= 240;
        }
        // fc00::/7 unique local, and every form that carries an IPv4 address a gateway would connect to
        return (bytes[0] & 0xfe) == 0xfc || embedsIPv4(bytes);
    }

    /**
     * IPv4-mapped {@code ::ffff:0:0/96} and -compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96} and
     * {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} and Teredo {@code 2001::/32}: refused whole rather than
     * judged by the IPv4 address inside, which the gateway, not the hub, would reach.
     */
    private static boolean embedsIPv4(byte[] v6) {
        boolean first80Zero = true;
        for (int i = 0; i < 10; i++) {
            first80Zero &= v6[i] == 0;
        }
        int word0 = ((v6[0] & 0xff) << 8) | (v6[1] & 0xff);
        int word1 = ((v6[2] & 0xff) << 8) | (v6[3] & 0xff);
        int word2 = ((v6[4] & 0xff) << 8) | (v6[5] & 0xff);
        boolean mapped = first80Zero && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = first80Zero && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = word0 == 0x0064 && word1 == 0xff9b && (word2 == 0 || word2 == 1);
        return mapped || compatible || nat64 || word0 == 0x2002 || (word0 == 0x2001 && word1 == 0);
    }

    private static String fileNameOf(URI uri) {
        String path = uri.getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "evidence" : name;
    }

    /** The refusal for a file over the cap, whether its length was announced or it ran over while streaming. */
    static ToolCallRefused tooLarge(long max) {
        return refused("is larger than the limit of " + max + " bytes (hub.mcp.evidence-fetch.max-size)");
    }

    private static ToolCallRefused refused(String problem) {
        return ToolCallRefused.invalidArguments(TOOL, List.of(new Fault.Violation("fileUrl", problem)));
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** Fails the read, rather than truncating the file, once more than the limit has arrived. */
    static final class CappedStream extends FilterInputStream {
        private final long max;
        private long read;
        private boolean exceeded;

        CappedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                exceeded = true;
                throw new IOException("the file is larger than the configured limit of " + max + " bytes");
            }
        }

        /** Whether the read was failed because more than the limit arrived. */
        boolean exceeded() {
            return exceeded;
        }

        long max() {
            return max;
        }
    }
}
