package cc.chitty.connect.hub.support;

/**
 * The {@code canonicalValues} bean for a route test of a capability without canonical fields: the
 * {@code json-body-call} template always calls it, and a capability that names fields needs the real one.
 */
public final class NoCanonicalFields {

    public void check(String body, String names) {
        if (!names.isEmpty()) {
            throw new IllegalStateException("this capability checks canonical fields " + names
                    + "; test it with the hub's canonicalValues");
        }
    }
}
