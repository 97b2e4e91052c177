package cc.chitty.connect.hub.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address that stands for an anonymous client: the connection's peer, unless that peer is a configured proxy,
 * in which case the nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy. A client can
 * therefore never choose its own bucket by sending that header. Its bucket is per IPv4 address and per IPv6 /64:
 * one subscriber usually holds a whole /64, so a bucket per IPv6 address would give it 2^64 buckets.
 */
public final class ClientAddress {

    /** The header through which a trusted proxy names the client it forwards for. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR));
    }

    /** From the connection's peer address and the request's {@code X-Forwarded-For}, whichever engine read them. */
    String of(String peer, String forwarded) {
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

    /** The bucket the request's client counts in: its IPv4 address, or its IPv6 address's /64 prefix. */
    String bucketOf(HttpServletRequest request) {
        return bucketOf(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR));
    }

    String bucketOf(String peer, String forwarded) {
        String address = of(peer, forwarded);
        // only a literal with ':' is parsed, so no name is ever looked up in DNS
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            if (InetAddress.getByName(address) instanceof Inet6Address v6) {
                byte[] prefix = Arrays.copyOf(v6.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
