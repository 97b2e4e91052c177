package cc.chitty.connect.hub.mcp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.mcp}: the keep-alive of event streams (legacy SSE, 2025-xx sessions' GET streams and 2026-07-28 listen
 * streams), the idle timeout and per-key stream cap of the legacy SSE transport, the caps and idle timeout of the
 * 2025-xx revisions' sessions on {@code /mcp} ({@code sessions}), and where
 * {@code chitty_evidence_ingest} may fetch files from ({@code evidence-fetch}: https hosts on the allow-list only,
 * at most {@code max-size}).
 */
@ConfigurationProperties("hub.mcp")
record McpProperties(Duration sseKeepAlive, Duration sseIdleTimeout, Integer sseMaxStreamsPerKey,
        Sessions sessions, EvidenceFetch evidenceFetch) {

    /**
     * @param maxPerClient sessions one client (API key or token subject) may hold; its initialize beyond it ends
     *                     its least recently used one
     * @param maxTotal     sessions the instance holds in all; beyond it, initialize is answered without a session
     * @param idleTimeout  a session no request named for this long is ended
     */
    record Sessions(Integer maxPerClient, Integer maxTotal, Duration idleTimeout) {
        Sessions {
            maxPerClient = maxPerClient != null ? maxPerClient : 10;
            maxTotal = maxTotal != null ? maxTotal : 1000;
            idleTimeout = idleTimeout != null ? idleTimeout : Duration.ofMinutes(30);
        }
    }

    /**
     * @param allowedHosts       host names ({@code files.example.com}) or subdomain patterns
     *                           ({@code *.example.com}); empty: every fetch is refused
     * @param allowedNetworks    non-public networks (CIDR, e.g. {@code 10.20.0.0/16}) an intranet file store may
     *                           live in; empty: only public addresses
     * @param trustStore         a PKCS12 file whose certificates replace the JVM's trusted CAs for these fetches
     *                           (for a private CA), or empty
     * @param trustStorePassword its password
     * @param timeout            connect timeout, and the longest wait for any one read
     * @param deadline           the whole download, from connecting to the last byte: a host that trickles is cut
     *                           off there
     */
    record EvidenceFetch(List<String> allowedHosts, List<String> allowedNetworks, DataSize maxSize,
            Duration timeout, Duration deadline, String trustStore, String trustStorePassword) {
        EvidenceFetch {
            allowedHosts = allowedHosts != null ? allowedHosts : List.of();
            allowedNetworks = allowedNetworks != null ? allowedNetworks : List.of();
            maxSize = maxSize != null ? maxSize : DataSize.ofMegabytes(25);
            timeout = timeout != null ? timeout : Duration.ofSeconds(30);
            deadline = deadline != null ? deadline : Duration.ofMinutes(2);
        }
    }

    McpProperties {
        sseKeepAlive = sseKeepAlive != null ? sseKeepAlive : Duration.ofSeconds(30);
        sseIdleTimeout = sseIdleTimeout != null ? sseIdleTimeout : Duration.ofMinutes(30);
        sseMaxStreamsPerKey = sseMaxStreamsPerKey != null ? sseMaxStreamsPerKey : 5;
        sessions = sessions != null ? sessions : new Sessions(null, null, null);
        evidenceFetch = evidenceFetch != null ? evidenceFetch : new EvidenceFetch(null, null, null, null, null, null, null);
    }
}
