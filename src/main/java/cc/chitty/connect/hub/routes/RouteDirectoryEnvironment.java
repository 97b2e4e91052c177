package cc.chitty.connect.hub.routes;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Derives Camel's route loading and watching ({@code camel.main.routes-*}) and {@code hub.routes.location} from the
 * two settings an engineer sets, {@code hub.routes.directory} and {@code hub.routes.reload}, in every profile. The
 * values are worked out on first use, not here, so settings a test adds after the environment is prepared count
 * too; the choice is logged once.
 */
public class RouteDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Derived(environment));
    }

    static final class Derived extends EnumerablePropertySource<Object> {

        private static final Log LOG = LogFactory.getLog(RouteDirectory.class);
        private static final String[] NAMES = {"camel.main.routes-include-pattern",
                "camel.main.routes-reload-enabled", "camel.main.routes-reload-directory", "hub.routes.location"};

        // not the property source's own source: Spring Boot walks an environment found there as nested sources
        private final Environment environment;
        private volatile Map<String, Object> values;

        Derived(Environment environment) {
            super("hubRouteDirectory", new Object());
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return NAMES.clone();
        }

        @Override
        public Object getProperty(String name) {
            for (String known : NAMES) {
                if (known.equals(name)) {
                    return values().get(name);
                }
            }
            return null;
        }

        private Map<String, Object> values() {
            if (values == null) {
                synchronized (this) {
                    if (values == null) {
                        RouteDirectory dir = RouteDirectory.resolve(environment.getProperty("hub.routes.directory"),
                                environment.getProperty("hub.routes.reload", Boolean.class, true),
                                Path.of("").toAbsolutePath());
                        LOG.info("Route files: " + dir.describe());
                        if (dir.directory() == null && environment.getProperty("hub.routes.reload", Boolean.class, true)) {
                            LOG.warn("HUB_ROUTES_RELOAD is on, but there is no routes directory to watch: "
                                    + "set HUB_ROUTES_DIR (or run from the folder that holds routes/) to edit routes");
                        }
                        values = Map.of(NAMES[0], dir.includePattern(), NAMES[1], dir.reload(),
                                NAMES[2], dir.directory() == null ? "" : dir.directory().toString(),
                                NAMES[3], dir.location());
                    }
                }
            }
            return values;
        }
    }
}
