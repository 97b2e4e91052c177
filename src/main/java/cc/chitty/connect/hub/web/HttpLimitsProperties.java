package cc.chitty.connect.hub.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code hub.http}: the request body limit, and larger limits for named paths (the webhook intake). */
@ConfigurationProperties("hub.http")
public record HttpLimitsProperties(DataSize maxBodySize, Map<String, DataSize> bodySizeOverrides) {

    public HttpLimitsProperties {
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(1);
        bodySizeOverrides = bodySizeOverrides != null ? bodySizeOverrides : Map.of();
    }

    long limitFor(String path) {
        return bodySizeOverrides.getOrDefault(path, maxBodySize).toBytes();
    }
}
