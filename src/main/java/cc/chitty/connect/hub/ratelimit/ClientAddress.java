package cc.chitty.connect.hub.ratelimit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address that stands for an anonymous client: the connection's peer, unless that peer is a configured proxy,
 * in which case the nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy. A client can
 * therefore never choose its own bucket by sending that header.
 */
final class ClientAddress {

    private final List<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
