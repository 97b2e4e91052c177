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
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

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
 * checked addresses, so a name cannot be re-pointed between check and connect. Redirects are refused, not
 * followed; the body is streamed and cut off past {@code max-size}.
 */
@Component
@EnableConfigurationProperties(McpProperties.class)
class EvidenceFetcher implements DisposableBean {

    /** An open download; close it when the capability has consumed the content. */
    record Download(CappedStream content, String fileName, String contentType, ClassicHttpResponse response)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            response.close();
        }
    }

    static final String TOOL = "chitty_evidence_ingest";

    private final McpProperties.EvidenceFetch settings;
    private final List<IpAddressMatcher> allowedNetworks;
    private final CloseableHttpClient client;

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
        ClassicHttpResponse response = client.executeOpen(null, get, null);
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
                    type != null ? type.getValue() : "application/octet-stream", response);
        } catch (IOException | RuntimeException e) {
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
            // 0.0.0.0/8 "this network", 100.64.0.0/10 shared address space (CGNAT)
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        // fc00::/7 unique local addresses
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
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
