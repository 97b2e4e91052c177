package cc.chitty.connect.hub.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.http}: the request body limit, larger limits for named paths (the webhook intake), the upload paths,
 * which take {@code multipart/form-data} instead of JSON, and how much of a body the hub keeps on the heap before
 * it spools the rest to a temporary file.
 */
@ConfigurationProperties("hub.http")
public record HttpLimitsProperties(DataSize maxBodySize, Map<String, DataSize> bodySizeOverrides,
        Map<String, DataSize> uploads, DataSize spoolThreshold) {

    public HttpLimitsProperties {
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(1);
        bodySizeOverrides = bodySizeOverrides != null ? bodySizeOverrides : Map.of();
        uploads = uploads != null ? uploads : Map.of();
        spoolThreshold = spoolThreshold != null ? spoolThreshold : DataSize.ofKilobytes(128);
    }

    public long limitFor(String path) {
        DataSize upload = uploads.get(path);
        return upload != null ? upload.toBytes() : bodySizeOverrides.getOrDefault(path, maxBodySize).toBytes();
    }

    /** The largest limit of a body that is not an upload: how much of one the public port reads at most. */
    public long largestBodyLimit() {
        return bodySizeOverrides.values().stream().mapToLong(DataSize::toBytes).reduce(maxBodySize.toBytes(), Math::max);
    }

    public boolean isUpload(String path) {
        return uploads.containsKey(path);
    }
}
