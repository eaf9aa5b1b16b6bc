package io.weatherstation.catalog.config;

import io.weatherstation.catalog.application.NodeRegistry;
import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.application.spi.NodeType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Discovers every class carrying {@link NodeType} under {@code io.weatherstation} (and the
 * packages in {@code station.nodes.packages}) and builds the node registry from them. Node
 * classes are created through the bean factory, so they may take outbound ports as constructor
 * arguments.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    NodeRegistry nodeRegistry(AutowireCapableBeanFactory beanFactory,
            @org.springframework.beans.factory.annotation.Value("${station.nodes.packages:}") List<String> extraPackages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(NodeType.class));
        List<String> packages = new ArrayList<>();
        packages.add("io.weatherstation");
        extraPackages.stream().filter(p -> !p.isBlank()).forEach(packages::add);
        List<Node> nodes = new ArrayList<>();
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), beanFactory.getClass().getClassLoader());
                if (!Node.class.isAssignableFrom(type)) {
                    throw new IllegalStateException(type.getName() + " carries @NodeType but does not implement Node");
                }
                nodes.add((Node) beanFactory.createBean(type));
            }
        }
        return NodeRegistry.of(nodes);
    }
}
