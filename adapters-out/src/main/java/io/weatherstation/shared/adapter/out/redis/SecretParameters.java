package io.weatherstation.shared.adapter.out.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Seals the secret parameters of a Weather Syntax document before it is stored, and opens them
 * when it is read back (SPEC §8: secrets are never written to Redis in clear).
 *
 * <p>A node's parameters live in {@code config} or, in the editor's form, in
 * {@code data.inputs[].value}; a parameter is secret when its node type declares it so. Each
 * secret value is replaced by {@code {"$secret": "<base64 AES-GCM>"}} (the sealed JSON of the
 * value), bound to the flow, node and parameter. Opening replaces every such marker found at a
 * parameter's place, so a document stays readable when a parameter stops being secret; a marker
 * that does not open is an error only where the parameter is (still) secret.
 */
public final class SecretParameters {

    /** The single key of a sealed value. */
    public static final String MARKER = "$secret";

    private final SecretCipher cipher;
    private final Function<String, Set<String>> secretsOfType;

    /**
     * @param secretsOfType the names of a node type's secret parameters (empty for an unknown type)
     */
    public SecretParameters(SecretCipher cipher, Function<String, Set<String>> secretsOfType) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.secretsOfType = Objects.requireNonNull(secretsOfType, "secretsOfType");
    }

    /** A copy of {@code document} with every secret parameter of every node sealed. */
    public Map<String, @Nullable Object> seal(Map<String, ?> document, String flowId) {
        return rewriteNodes(document, (node, type) -> sealNode(flowId, node, type));
    }

    /** A copy of {@code document} with every sealed parameter opened. */
    public Map<String, @Nullable Object> open(Map<String, ?> document, String flowId) {
        return rewriteNodes(document, (node, type) -> openNode(flowId, node, type));
    }

    /** A copy of one node's resolved {@code config} with its secret parameters sealed. */
    public Map<String, @Nullable Object> sealConfig(String flowId, String nodeId, String nodeType, Map<String, ?> config) {
        Set<String> secrets = secretsOfType.apply(nodeType);
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(config);
        if (!secrets.isEmpty()) {
            copy.replaceAll((name, value) -> secrets.contains(name) ? sealValue(flowId, nodeId, name, value) : value);
        }
        return copy;
    }

    /** True for a {@code {"$secret": "..."}} marker. */
    public static boolean isSealed(@Nullable Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get(MARKER) instanceof String;
    }

    private interface NodeRewrite {
        Map<String, @Nullable Object> apply(Map<String, @Nullable Object> node, String type);
    }

    private Map<String, @Nullable Object> rewriteNodes(Map<String, ?> document, NodeRewrite rewrite) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(document);
        if (!(document.get("nodes") instanceof List<?> nodes)) {
            return copy;
        }
        List<@Nullable Object> rewritten = new ArrayList<>(nodes.size());
        for (Object item : nodes) {
            if (item instanceof Map<?, ?> node && node.get("type") instanceof String type) {
                rewritten.add(rewrite.apply(stringKeys(node), type));
            } else {
                rewritten.add(item);
            }
        }
        copy.put("nodes", rewritten);
        return copy;
    }

    private Map<String, @Nullable Object> sealNode(String flowId, Map<String, @Nullable Object> node, String type) {
        Set<String> secrets = secretsOfType.apply(type);
        if (secrets.isEmpty()) {
            return node;
        }
        String nodeId = String.valueOf(node.get("id"));
        return rewriteParameters(node, (name, value) -> secrets.contains(name) ? sealValue(flowId, nodeId, name, value) : value);
    }

    private Map<String, @Nullable Object> openNode(String flowId, Map<String, @Nullable Object> node, String type) {
        Set<String> secrets = secretsOfType.apply(type);
        String nodeId = String.valueOf(node.get("id"));
        return rewriteParameters(node, (name, value) -> {
            if (!isSealed(value)) {
                return value;
            }
            try {
                return openValue(flowId, nodeId, name, value);
            } catch (SecretCipher.SecretUnreadableException e) {
                if (secrets.contains(name)) {
                    throw e;
                }
                return value; // a user value that merely looks sealed, in a parameter that is not secret
            }
        });
    }

    private interface ParameterRewrite {
        @Nullable Object apply(String name, @Nullable Object value);
    }

    /** Applies {@code rewrite} to the parameters in {@code config} and in {@code data.inputs[].value}. */
    private static Map<String, @Nullable Object> rewriteParameters(Map<String, @Nullable Object> node, ParameterRewrite rewrite) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(node);
        if (node.get("config") instanceof Map<?, ?> config) {
            Map<String, @Nullable Object> rewritten = stringKeys(config);
            rewritten.replaceAll(rewrite::apply);
            copy.put("config", rewritten);
        }
        if (node.get("data") instanceof Map<?, ?> data && data.get("inputs") instanceof List<?> inputs) {
            List<@Nullable Object> rewrittenInputs = new ArrayList<>(inputs.size());
            for (Object input : inputs) {
                if (input instanceof Map<?, ?> entry && entry.get("id") instanceof String name && entry.containsKey("value")) {
                    Map<String, @Nullable Object> rewritten = stringKeys(entry);
                    rewritten.put("value", rewrite.apply(name, entry.get("value")));
                    rewrittenInputs.add(rewritten);
                } else {
                    rewrittenInputs.add(input);
                }
            }
            Map<String, @Nullable Object> rewrittenData = stringKeys(data);
            rewrittenData.put("inputs", rewrittenInputs);
            copy.put("data", rewrittenData);
        }
        return copy;
    }

    private @Nullable Object sealValue(String flowId, String nodeId, String name, @Nullable Object value) {
        if (value == null || isSealed(value)) {
            return value;
        }
        Map<String, Object> sealed = new LinkedHashMap<>();
        sealed.put(MARKER, cipher.seal(StoredJson.write(value), context(flowId, nodeId, name)));
        return sealed;
    }

    private @Nullable Object openValue(String flowId, String nodeId, String name, Object sealed) {
        String ciphertext = (String) ((Map<?, ?>) sealed).get(MARKER);
        return StoredJson.readValue(cipher.open(Objects.requireNonNull(ciphertext), context(flowId, nodeId, name)));
    }

    private static String context(String flowId, String nodeId, String name) {
        return flowId + "/" + nodeId + "/" + name;
    }

    private static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
