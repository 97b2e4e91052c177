package cc.chitty.connect.hub.upstream;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every upstream service: those of {@code hub.upstreams.services} and those declared in {@code *.upstream.yaml}
 * files of the routes directory, which hold the same keys ({@code base-url}, {@code token}, {@code timeout},
 * {@code breaker.*}, {@code retry.*}, {@code headers}; {@code ${VARIABLE:default}} placeholders from the
 * environment), any key left out coming from {@code hub.upstreams.defaults}. As for {@code application.yaml}, a
 * key set in the environment ({@code HUB_UPSTREAMS_SERVICES_<ID>_BASE_URL}) overrides a file's. Guarantees: a file
 * that cannot be used stops the start-up naming it; while the hub runs (reload on), a saved file connects its
 * services, or replaces their connectors, and a file that cannot be used is logged and changes nothing.
 */
@Component
class UpstreamFiles {

    static final String PATTERN = "*.upstream.yaml";
    private static final String SERVICES = "hub.upstreams.services";
    private static final Log LOG = LogFactory.getLog(UpstreamFiles.class);

    private final UpstreamProperties properties;
    private final Environment environment;
    private final Map<String, UpstreamSettings> services = new LinkedHashMap<>();

    UpstreamFiles(UpstreamProperties properties, Environment environment, CamelContext camel,
            ObjectProvider<UpstreamConnectorRoutes> connectors,
            @Value("${hub.routes.location}") String location,
            @Value("${camel.main.routes-reload-enabled}") boolean reload,
            @Value("${camel.main.routes-reload-directory}") String directory) throws Exception {
        this.properties = properties;
        this.environment = environment;
        Map<String, UpstreamSettings> declared = new LinkedHashMap<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(location + "/" + PATTERN)) {
            read(file).forEach((id, settings) -> {
                if (declared.put(id, settings) != null) {
                    throw new IllegalStateException("upstream " + id + " is declared in two files under " + location);
                }
            });
        }
        properties.services().forEach((id, settings) -> {
            if (!declared.containsKey(id)) {
                services.put(id, properties.resolve(id, settings));
            }
        });
        services.putAll(declared);
        if (!declared.isEmpty()) {
            LOG.info("Upstream services from files in " + location + ": " + declared.keySet());
        }
        if (reload) {
            FileWatcherResourceReloadStrategy watcher = new FileWatcherResourceReloadStrategy(directory);
            watcher.setFileFilter(file -> file.getName().endsWith(PATTERN.substring(1)));
            watcher.setResourceReload((name, resource) -> reconnect(new File(name), connectors.getObject()));
            camel.addService(watcher);
        }
    }

    /** Every service at start-up, by id, defaults filled in. */
    Map<String, UpstreamSettings> services() {
        return Map.copyOf(services);
    }

    private void reconnect(File file, UpstreamConnectorRoutes connectors) {
        if (!file.exists()) {
            LOG.warn("Upstream file " + file + " was removed: any connector it made stays until the hub restarts");
            return;
        }
        try {
            for (UpstreamSettings service : read(new FileSystemResource(file)).values()) {
                connectors.connect(service);
                LOG.info("Upstream " + service.id() + " connected from " + file + " (" + service.baseUrl() + ")");
            }
        } catch (Exception e) {
            LOG.error("Upstream file " + file + " not applied, the running connectors are unchanged: "
                    + e.getMessage());
        }
    }

    /** A file's services, keys from the environment first; throws naming the file when it cannot be used. */
    private Map<String, UpstreamSettings> read(Resource file) {
        try {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (PropertySource<?> document : new YamlPropertySourceLoader().load(file.getDescription(), file)) {
                for (String key : ((EnumerablePropertySource<?>) document).getPropertyNames()) {
                    keys.put(SERVICES + "." + key, document.getProperty(key));
                }
            }
            List<ConfigurationPropertySource> sources = new ArrayList<>();
            ConfigurationPropertySources.get(environment).forEach(sources::add);
            sources.add(ConfigurationPropertySource.from(new MapPropertySource(file.getDescription(), keys)));
            Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment));
            Map<String, UpstreamProperties.Settings> bound = binder.bind(SERVICES,
                    Bindable.mapOf(String.class, UpstreamProperties.Settings.class)).orElse(Map.of());
            Map<String, UpstreamSettings> resolved = new LinkedHashMap<>();
            keys.keySet().stream().map(key -> key.substring(SERVICES.length() + 1).split("\\.")[0]).distinct()
                    .forEach(id -> resolved.put(id, properties.resolve(id, bound.get(id))));
            return resolved;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upstream file " + file.getDescription(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("upstream file " + file.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
