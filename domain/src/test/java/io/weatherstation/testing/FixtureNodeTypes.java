package io.weatherstation.testing;

import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.OutputHandleSpec;
import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.catalog.domain.ParameterType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, fixed node-type catalog for tests.
 *
 * <p>Abstract shapes: {@code source} (no input, output {@code out}), {@code relay} (optional
 * input {@code in}, output {@code out}), {@code sink} (required input {@code in}, no output),
 * {@code merge} (required aggregate input {@code items}, output {@code out}), {@code cond}
 * (required input {@code in}, outputs {@code true}/{@code false}), {@code params} (one parameter
 * of every type, no handles).
 *
 * <p>The shapes of the SPEC §2 example and of the editor form: {@code price_node}, {@code
 * condition_node}, {@code buy_node}, {@code ai_model_node}.
 */
public final class FixtureNodeTypes implements NodeTypeCatalog {

    public static final FixtureNodeTypes CATALOG = new FixtureNodeTypes();

    private final Map<String, NodeTypeDescriptor> types = new LinkedHashMap<>();

    private FixtureNodeTypes() {
        add(type("source", List.of(), List.of(out("out")), List.of(
                ParameterSpec.required("symbol", ParameterType.STRING, "instrument"),
                ParameterSpec.optional("limit", ParameterType.INTEGER, 50, "how many").withBounds(1.0, 1000.0),
                ParameterSpec.optional("interval", ParameterType.STRING, "1m", "bar size")
                        .withAllowedValues(List.of("1m", "5m", "1h")))));
        add(type("relay", List.of(input("in", false, false)), List.of(out("out")), List.of()));
        add(type("sink", List.of(input("in", true, false)), List.of(), List.of(
                ParameterSpec.optional("enabled", ParameterType.BOOLEAN, true, "on/off"),
                ParameterSpec.optional("ratio", ParameterType.NUMBER, null, "share").withBounds(0.0, 1.0))));
        add(type("merge", List.of(input("items", true, true)), List.of(out("out")), List.of()));
        add(type("cond", List.of(input("in", true, false)), List.of(out("true"), out("false")), List.of(
                ParameterSpec.required("expression", ParameterType.STRING, "predicate"),
                ParameterSpec.optional("mode", ParameterType.STRING, "branch", "branch or stop")
                        .withAllowedValues(List.of("branch", "stop")))));
        add(type("params", List.of(), List.of(), List.of(
                ParameterSpec.optional("text", ParameterType.STRING, null, "a string"),
                ParameterSpec.optional("count", ParameterType.INTEGER, null, "an integer"),
                ParameterSpec.optional("amount", ParameterType.NUMBER, null, "a number").withBounds(0.0, null),
                ParameterSpec.optional("flag", ParameterType.BOOLEAN, null, "a boolean"),
                ParameterSpec.optional("headers", ParameterType.OBJECT, null, "an object"),
                ParameterSpec.optional("tags", ParameterType.ARRAY, null, "an array"),
                ParameterSpec.optional("payload", ParameterType.ANY, null, "anything"),
                ParameterSpec.optional("token", ParameterType.STRING, null, "a secret").asSecret())));

        add(type("price_node", List.of(), List.of(out("kline_data"), out("data")), List.of(
                ParameterSpec.required("symbol", ParameterType.STRING, "trading pair"),
                ParameterSpec.optional("interval", ParameterType.STRING, "1m", "kline interval")
                        .withAllowedValues(List.of("1m", "5m", "15m", "1h", "4h", "1d")),
                ParameterSpec.optional("limit", ParameterType.INTEGER, 100, "klines").withBounds(1.0, 1000.0))));
        add(type("condition_node", List.of(input("input", true, false)), List.of(out("true"), out("false")), List.of(
                ParameterSpec.required("expression", ParameterType.STRING, "predicate"))));
        add(type("buy_node", List.of(input("trigger", true, false)), List.of(out("receipt")), List.of(
                ParameterSpec.required("symbol", ParameterType.STRING, "trading pair"),
                ParameterSpec.required("amount", ParameterType.NUMBER, "quantity").withBounds(0.0, null))));
        add(type("ai_model_node", List.of(input("price_data", false, true)), List.of(out("ai_response")), List.of(
                ParameterSpec.required("prompt", ParameterType.STRING, "instruction"),
                ParameterSpec.optional("model", ParameterType.STRING, "gpt-4o-mini", "model name"))));
    }

    public static NodeTypeDescriptor descriptor(String type) {
        return CATALOG.find(type).orElseThrow();
    }

    @Override
    public Optional<NodeTypeDescriptor> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    @Override
    public Collection<NodeTypeDescriptor> all() {
        return List.copyOf(types.values());
    }

    private void add(NodeTypeDescriptor descriptor) {
        types.put(descriptor.type(), descriptor);
    }

    private static NodeTypeDescriptor type(
            String name, List<InputHandleSpec> inputs, List<OutputHandleSpec> outputs, List<ParameterSpec> parameters) {
        return new NodeTypeDescriptor(name, "0.0.1", "test", "fixture type " + name, inputs, outputs, parameters);
    }

    private static InputHandleSpec input(String name, boolean required, boolean aggregate) {
        return new InputHandleSpec(name, "DATA_READY", required, aggregate, "input " + name);
    }

    private static OutputHandleSpec out(String name) {
        return new OutputHandleSpec(name, "DATA_READY", "output " + name);
    }
}
