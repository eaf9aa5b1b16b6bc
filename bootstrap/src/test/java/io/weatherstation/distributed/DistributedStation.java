package io.weatherstation.distributed;

import io.weatherstation.catalog.application.NodeRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a test's application context in the distributed profile's infrastructure under a
 * {@link StationNamespace} of its own (use with {@code @ActiveProfiles("distributed")}). The
 * namespace's keys, queues and schema are deleted once the context has closed: the cleanup is the
 * first disposable bean registered, so it runs after every other bean has been destroyed.
 */
public final class DistributedStation implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        StationNamespace namespace = StationNamespace.create();
        join(context, namespace, Map.of());
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("stationNamespaceCleanup", namespace::close);
    }

    /**
     * Makes {@code context} an instance of {@code namespace} with {@code extra} properties on top
     * (worker id, port); the caller closes the namespace after its last instance.
     */
    public static void join(ConfigurableApplicationContext context, StationNamespace namespace, Map<String, String> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(namespace.properties());
        properties.putAll(extra);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("stationNamespace", properties));
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed) {
                refreshed.getApplicationContext().getBeanProvider(NodeRegistry.class)
                        .ifAvailable(registry -> namespace.nodeTypes(registry.typeNames()));
            }
        });
    }
}
