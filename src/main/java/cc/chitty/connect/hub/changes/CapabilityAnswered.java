package cc.chitty.connect.hub.changes;

/**
 * A capability produced a fresh answer (not one served from a cache): {@code content} is what a reader would see,
 * without the parts that change on every call (check times), so equal content means nothing changed.
 */
public record CapabilityAnswered(String capability, Object content) {
}
