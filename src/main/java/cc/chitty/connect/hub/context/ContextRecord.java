package cc.chitty.connect.hub.context;

/** The hub's row in {@code contexts}; a field is null until its step has succeeded. */
record ContextRecord(String chittyid, String dnaId, String apiKeyId, String verificationId,
        String certificationId) {

    boolean complete() {
        return chittyid != null && dnaId != null && apiKeyId != null && verificationId != null
                && certificationId != null;
    }
}
