package cc.chitty.connect.hub.mcp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.mcp}: the SSE keep-alive of the legacy transport, and where {@code chitty_evidence_ingest} may fetch
 * files from ({@code evidence-fetch}: https hosts on the allow-list only, at most {@code max-size}).
 */
@ConfigurationProperties("hub.mcp")
record McpProperties(Duration sseKeepAlive, EvidenceFetch evidenceFetch) {

    /**
     * @param allowedHosts host names ({@code files.example.com}) or subdomain patterns ({@code *.example.com});
     *                     empty: every fetch is refused
     */
    record EvidenceFetch(List<String> allowedHosts, DataSize maxSize, Duration timeout) {
        EvidenceFetch {
            allowedHosts = allowedHosts != null ? allowedHosts : List.of();
            maxSize = maxSize != null ? maxSize : DataSize.ofMegabytes(25);
            timeout = timeout != null ? timeout : Duration.ofSeconds(30);
        }
    }

    McpProperties {
        sseKeepAlive = sseKeepAlive != null ? sseKeepAlive : Duration.ofSeconds(30);
        evidenceFetch = evidenceFetch != null ? evidenceFetch : new EvidenceFetch(null, null, null);
    }
}
