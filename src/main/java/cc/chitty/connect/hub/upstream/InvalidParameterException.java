package cc.chitty.connect.hub.upstream;

/** A path or query parameter a capability needs is missing or malformed. */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String problem) {
        super(parameter + " " + problem, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return getMessage().substring(parameter.length() + 1);
    }
}
