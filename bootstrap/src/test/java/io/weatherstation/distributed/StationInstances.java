package io.weatherstation.distributed;

import io.weatherstation.WeatherStationApplication;
import io.weatherstation.api.Api;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Several station instances in one JVM, each a Spring application of its own with its own worker
 * id and HTTP port, all in the distributed profile and sharing one {@link StationNamespace}: they
 * share flows exactly as production instances pointed at the same Redis, RabbitMQ and PostgreSQL
 * do. {@link #close()} stops the instances still running, then deletes the namespace.
 */
public final class StationInstances implements AutoCloseable {

    private final StationNamespace namespace = StationNamespace.create();
    private final List<Instance> instances = new ArrayList<>();

    public StationNamespace namespace() {
        return namespace;
    }

    /** Starts an instance under {@code workerId} on a free port, with {@code extra} properties on top. */
    public Instance start(String workerId, Map<String, String> extra) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(extra);
        properties.put("server.port", "0");
        properties.put("station.worker-id", workerId);
        ConfigurableApplicationContext context = application()
                .registerShutdownHook(false)
                .initializers(ctx -> DistributedStation.join(ctx, namespace, properties))
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Instance instance = new Instance(workerId, context, new Api(port));
        synchronized (instances) {
            instances.add(instance);
        }
        return instance;
    }

    /** The station application in the distributed profile, without the test classes' configurations. */
    static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(WeatherStationApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("distributed")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()));
    }

    public Instance start(String workerId) {
        return start(workerId, Map.of());
    }

    @Override
    public void close() {
        try {
            List<Instance> running;
            synchronized (instances) {
                running = List.copyOf(instances);
            }
            running.forEach(Instance::stop);
        } finally {
            namespace.close();
        }
    }

    /** One running instance. */
    public record Instance(String workerId, ConfigurableApplicationContext context, Api api) {

        /** Graceful shutdown, as on SIGTERM. */
        public void stop() {
            if (context.isActive()) {
                context.close();
            }
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    /**
     * Keeps the test classes (test configurations replacing beans, nested configurations of other
     * tests) out of the instances' component scan, as Spring Boot's test support does for
     * {@code @SpringBootTest}. Test node types are still found: the catalog scans for them itself.
     */
    private static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
