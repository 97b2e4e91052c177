package cc.chitty.connect.hub.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.RouteEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Tells what keeps a value per route (resolved once from the route model, not per request) that a route was added
 * or removed, as a reload of its file does: the listener is given the route id and forgets what it kept for it.
 */
@Component
public class RouteChanges extends SimpleEventNotifierSupport {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.RouteAdded || event.getType() == CamelEvent.Type.RouteRemoved;
    }

    @Override
    public void notify(CamelEvent event) {
        String routeId = ((RouteEvent) event).getRoute().getRouteId();
        listeners.forEach(listener -> listener.accept(routeId));
    }
}
