package cc.chitty.connect.hub.chittyos;

import java.util.Locale;

/** The v2.2 ChittyID client's connection states; {@link #id()} is how /health, Prometheus and JMX name them. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
