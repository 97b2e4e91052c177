package cc.chitty.connect.hub.upstream;

import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One HTTP client per upstream service: its own connection pool (a slow service cannot starve the others) and its
 * own connect and response timeouts. Retries and redirects are off here; the connector decides about retries.
 */
@Component
class UpstreamHttpClients implements DisposableBean {

    private final List<CloseableHttpClient> clients = new ArrayList<>();

    synchronized CloseableHttpClient create(UpstreamSettings settings) {
        Timeout timeout = Timeout.of(settings.timeout());
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(settings.maxConnections())
                        .setMaxConnPerRoute(settings.maxConnections())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(timeout)
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("ChittyConnect-Hub/1.0")
                .build();
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void destroy() {
        clients.forEach(c -> c.close(CloseMode.GRACEFUL));
    }
}
