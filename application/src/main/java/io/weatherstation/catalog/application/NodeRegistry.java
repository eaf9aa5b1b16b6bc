package io.weatherstation.catalog.application;

import io.weatherstation.catalog.application.spi.Node;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node types this station can run, built once at start-up from the discovered node classes.
 * Immutable afterwards, so lookups need no locking on the hot path.
 */
public final class NodeRegistry implements NodeTypeCatalog {

    private final Map<String, RegisteredNodeType> types;

    private NodeRegistry(Map<String, RegisteredNodeType> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /**
     * @throws InvalidNodeTypeDeclarationException when two nodes claim the same type name or a
     *         declaration is inconsistent
     */
    public static NodeRegistry of(Collection<? extends Node> nodes) {
        Map<String, RegisteredNodeType> byType = new LinkedHashMap<>();
        nodes.stream()
                .map(node -> new RegisteredNodeType(NodeTypeDescriptors.describe(node.getClass()), node))
                .sorted(java.util.Comparator.comparing(r -> r.descriptor().type()))
                .forEach(registered -> {
                    RegisteredNodeType previous = byType.putIfAbsent(registered.descriptor().type(), registered);
                    if (previous != null) {
                        throw new InvalidNodeTypeDeclarationException("node type " + registered.descriptor().type()
                                + " is declared by both " + previous.node().getClass().getName() + " and "
                                + registered.node().getClass().getName());
                    }
                });
        return new NodeRegistry(byType);
    }

    @Override
    public Optional<NodeTypeDescriptor> find(String type) {
        RegisteredNodeType registered = types.get(type);
        return registered == null ? Optional.empty() : Optional.of(registered.descriptor());
    }

    @Override
    public Collection<NodeTypeDescriptor> all() {
        return types.values().stream().map(RegisteredNodeType::descriptor).toList();
    }

    public Optional<RegisteredNodeType> registered(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public List<String> typeNames() {
        return List.copyOf(types.keySet());
    }

    /** A node type and the instance that runs its tasks. */
    public record RegisteredNodeType(NodeTypeDescriptor descriptor, Node node) {
    }
}
