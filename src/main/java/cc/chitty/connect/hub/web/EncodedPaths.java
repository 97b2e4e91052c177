package cc.chitty.connect.hub.web;

/**
 * Paths written otherwise than routing reads them: percent-encoded ({@code /api/chittyid/%6Dint}) or carrying
 * {@code ;} parameters. Routing decodes such a path before it matches, while a check comparing strings would not, so
 * they could disagree on which operation a request is; no identifier the hub serves needs encoding (path parameters
 * are letters, digits and {@code : _ . -}). The servlet filter of the key doors and the REST door's route step
 * refuse them alike.
 */
public final class EncodedPaths {

    private EncodedPaths() {
    }

    /** Whether the raw path (as sent, before any decoding) is encoded or carries parameters. */
    public static boolean isEncoded(String rawPath) {
        return rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0;
    }

    public static Problem problem() {
        return Problem.of(400, "encoded-path", "Path must not be encoded",
                "Write the path as plain text, without percent-encoding or ';' parameters");
    }
}
