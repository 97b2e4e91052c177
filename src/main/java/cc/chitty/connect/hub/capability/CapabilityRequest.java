package cc.chitty.connect.hub.capability;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One call of a capability being put together; {@link #call()} sends it. See {@link CapabilityCaller}. */
public final class CapabilityRequest {

    /**
     * Exchange property, true when the caller asked for a {@link #fresh()} answer; a capability that keeps a cache
     * goes past it. A property, so no client can set it (request parameters become headers).
     */
    public static final String FRESH = "capabilityFresh";

    private final CapabilityCaller caller;
    private final ObjectMapper mapper;
    private final String capability;
    private final String client;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> upstreamHeaders = new LinkedHashMap<>();
    private String requestId;
    private Object body;
    private String contentType;
    private boolean fresh;

    CapabilityRequest(CapabilityCaller caller, ObjectMapper mapper, String capability, String client) {
        this.caller = caller;
        this.mapper = mapper;
        this.capability = capability;
        this.client = client;
    }

    /** A path or query parameter, as the REST door passes it: a header named as in the capability's path. */
    public CapabilityRequest parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public CapabilityRequest parameters(Map<String, ?> values) {
        parameters.putAll(values);
        return this;
    }

    /** A header the connector adds to the upstream request: {@code X-ChittyID}, or an {@code Authorization}. */
    public CapabilityRequest upstreamHeader(String name, String value) {
        upstreamHeaders.put(name, value);
        return this;
    }

    public CapabilityRequest requestId(String id) {
        this.requestId = id;
        return this;
    }

    /** A JSON body: a String or bytes as they are, anything else written with the hub's ObjectMapper. */
    public CapabilityRequest json(Object value) {
        try {
            this.body = value instanceof String || value instanceof byte[] ? value : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request to " + capability + " as JSON", e);
        }
        this.contentType = "application/json";
        return this;
    }

    /** A body passed as it is; its content type, if any, goes in as a parameter ({@code Content-Type}). */
    public CapabilityRequest body(Object value) {
        this.body = value;
        this.contentType = null;
        return this;
    }

    /** Asks for an answer from the service itself, not from a cache the capability keeps (which it then renews). */
    public CapabilityRequest fresh() {
        this.fresh = true;
        return this;
    }

    /** The capability's answer; a {@link CapabilityFailure} when it failed. */
    public CapabilityAnswer call() {
        return caller.send(this);
    }

    String capability() {
        return capability;
    }

    String client() {
        return client;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    Map<String, String> upstreamHeaders() {
        return Map.copyOf(upstreamHeaders);
    }

    String requestId() {
        return requestId;
    }

    Object body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    boolean isFresh() {
        return fresh;
    }
}
