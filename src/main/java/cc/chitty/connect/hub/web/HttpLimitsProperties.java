package cc.chitty.connect.hub.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code hub.http}: the request body limit, and larger limits for named paths (the webhook intake). */
@ConfigurationProperties("hub.http")
public class HttpLimitsProperties {

    private DataSize maxBodySize = DataSize.ofMegabytes(1);
    private Map<String, DataSize> bodySizeOverrides = new LinkedHashMap<>();

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Map<String, DataSize> getBodySizeOverrides() {
        return bodySizeOverrides;
    }

    public void setBodySizeOverrides(Map<String, DataSize> bodySizeOverrides) {
        this.bodySizeOverrides = bodySizeOverrides;
    }

    long limitFor(String path) {
        DataSize override = bodySizeOverrides.get(path);
        return (override != null ? override : maxBodySize).toBytes();
    }
}
