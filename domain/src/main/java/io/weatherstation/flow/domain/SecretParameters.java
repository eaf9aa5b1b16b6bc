package io.weatherstation.flow.domain;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Secret node parameters — those whose {@link ParameterSpec#secret()} is true in the catalog —
 * hidden in a Weather Syntax document before it is shown to anyone (SPEC §8: secrets are never
 * written in clear to API responses). Both places a document can hold parameters are covered:
 * {@code config} and the editor's {@code data.inputs[].value}.
 */
public final class SecretParameters {

    /** What a secret value is replaced with. */
    public static final String MASK = "******";

    private SecretParameters() {
    }

    /**
     * A copy of {@code document} with the value of every secret parameter replaced by {@link
     * #MASK}. Null values stay null (there is nothing to hide); nodes of unknown types and
     * everything that is not a parameter are copied unchanged. The input is not modified.
     *
     * @return an immutable deep copy, in the document's key order
     */
    public static Map<String, @Nullable Object> mask(Map<String, ? extends @Nullable Object> document,
            NodeTypeCatalog catalog) {
        Map<String, @Nullable Object> copy = JsonTrees.stringKeys(document);
        if (copy.get("nodes") instanceof List<?> nodes) {
            List<@Nullable Object> masked = new ArrayList<>(nodes.size());
            for (Object node : nodes) {
                masked.add(node instanceof Map<?, ?> fields ? maskNode(JsonTrees.stringKeys(fields), catalog) : node);
            }
            copy.put("nodes", masked);
        }
        return JsonTrees.freezeObject(copy);
    }

    /** The names of the secret parameters of a node type; empty for an unknown type. */
    public static Set<String> secretNames(String type, NodeTypeCatalog catalog) {
        return catalog.find(type).map(SecretParameters::secretNames).orElse(Set.of());
    }

    private static Set<String> secretNames(NodeTypeDescriptor type) {
        return type.parameters().stream().filter(ParameterSpec::secret).map(ParameterSpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, @Nullable Object> maskNode(Map<String, @Nullable Object> node, NodeTypeCatalog catalog) {
        if (!(node.get("type") instanceof String type)) {
            return node;
        }
        Set<String> secrets = secretNames(type, catalog);
        if (secrets.isEmpty()) {
            return node;
        }
        if (node.get("config") instanceof Map<?, ?> config) {
            Map<String, @Nullable Object> masked = JsonTrees.stringKeys(config);
            masked.replaceAll((name, value) -> secrets.contains(name) && value != null ? MASK : value);
            node.put("config", masked);
        }
        if (node.get("data") instanceof Map<?, ?> rawData && rawData.get("inputs") instanceof List<?> inputs) {
            Map<String, @Nullable Object> data = JsonTrees.stringKeys(rawData);
            List<@Nullable Object> masked = new ArrayList<>(inputs.size());
            for (Object input : inputs) {
                masked.add(input instanceof Map<?, ?> entry ? maskEditorInput(JsonTrees.stringKeys(entry), secrets) : input);
            }
            data.put("inputs", masked);
            node.put("data", data);
        }
        return node;
    }

    private static Map<String, @Nullable Object> maskEditorInput(Map<String, @Nullable Object> entry, Set<String> secrets) {
        if (entry.get("id") instanceof String name && secrets.contains(name) && entry.get("value") != null) {
            entry.put("value", MASK);
        }
        return entry;
    }
}
