package cc.chitty.connect.hub.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request that shows one header with a value the hub chose, whatever the client sent under that name; handlers
 * on other threads (platform-http) read it like any other header.
 */
public final class RequestWithHeader extends HttpServletRequestWrapper {

    private final String name;
    private final String value;

    public RequestWithHeader(HttpServletRequest request, String name, String value) {
        super(request);
        this.name = name;
        this.value = value;
    }

    @Override
    public String getHeader(String header) {
        return name.equalsIgnoreCase(header) ? value : super.getHeader(header);
    }

    @Override
    public Enumeration<String> getHeaders(String header) {
        return name.equalsIgnoreCase(header) ? Collections.enumeration(List.of(value)) : super.getHeaders(header);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        if (names.stream().noneMatch(name::equalsIgnoreCase)) {
            names.add(name);
        }
        return Collections.enumeration(names);
    }
}
