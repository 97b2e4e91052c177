package cc.chitty.connect.hub.web;

import java.util.Map;

/**
 * What an edge policy answers instead of letting a request run, whichever door or engine writes it: the problem and
 * the headers that go with it ({@code WWW-Authenticate}, {@code Retry-After}, the rate-limit headers).
 */
public record Refusal(Problem problem, Map<String, String> headers) {

    public static Refusal of(Problem problem) {
        return new Refusal(problem, Map.of());
    }

    public static Refusal of(Problem problem, String header, String value) {
        return new Refusal(problem, Map.of(header, value));
    }
}
