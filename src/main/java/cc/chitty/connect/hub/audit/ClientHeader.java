package cc.chitty.connect.hub.audit;

/**
 * The header through which a front door tells capability routes who the caller is ({@code key:<id>} for an API
 * key, {@code oauth:<subject>} for an access token). Doors set it themselves, replacing anything a client sent under
 * that name; connectors never forward it.
 */
public final class ClientHeader {

    public static final String NAME = "X-Hub-Client";

    private ClientHeader() {
    }
}
