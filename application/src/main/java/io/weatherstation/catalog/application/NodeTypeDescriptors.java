package io.weatherstation.catalog.application;

import io.weatherstation.catalog.application.spi.NodeType;
import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.OutputHandleSpec;
import io.weatherstation.catalog.domain.ParameterSpec;
import io.weatherstation.catalog.domain.ParameterType;
import io.weatherstation.shared.domain.Identifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads a node class's {@link NodeType} annotation into a {@link NodeTypeDescriptor}. */
public final class NodeTypeDescriptors {

    private NodeTypeDescriptors() {
    }

    /**
     * @throws InvalidNodeTypeDeclarationException when the class has no annotation or declares
     *         something inconsistent (bad handle names, duplicates, defaults of the wrong type)
     */
    public static NodeTypeDescriptor describe(Class<?> nodeClass) {
        NodeType annotation = nodeClass.getAnnotation(NodeType.class);
        if (annotation == null) {
            throw new InvalidNodeTypeDeclarationException(nodeClass.getName() + " has no @NodeType annotation");
        }
        String type = annotation.value();
        if (!Identifier.isValid(type)) {
            throw new InvalidNodeTypeDeclarationException("node type name " + Identifier.problem(type));
        }
        List<InputHandleSpec> inputs = new ArrayList<>();
        Set<String> inputNames = new HashSet<>();
        for (NodeType.Input input : annotation.inputs()) {
            requireHandle(type, input.name(), inputNames);
            inputs.add(new InputHandleSpec(input.name(), input.signalType(), input.required(), input.aggregate(),
                    input.description()));
        }
        List<OutputHandleSpec> outputs = new ArrayList<>();
        Set<String> outputNames = new HashSet<>();
        for (NodeType.Output output : annotation.outputs()) {
            requireHandle(type, output.name(), outputNames);
            outputs.add(new OutputHandleSpec(output.name(), output.signalType(), output.description()));
        }
        List<ParameterSpec> params = new ArrayList<>();
        Set<String> paramNames = new HashSet<>();
        for (NodeType.Param param : annotation.params()) {
            if (!paramNames.add(param.name())) {
                throw new InvalidNodeTypeDeclarationException(type + ": duplicate parameter " + param.name());
            }
            Object defaultValue = NodeType.Param.NONE.equals(param.defaultValue())
                    ? null
                    : parseDefault(type, param.name(), param.type(), param.defaultValue());
            params.add(new ParameterSpec(param.name(), param.type(), param.required(), defaultValue,
                    Double.isNaN(param.min()) ? null : param.min(),
                    Double.isNaN(param.max()) ? null : param.max(),
                    List.of(param.allowedValues()), param.description(), param.secret()));
        }
        return new NodeTypeDescriptor(type, annotation.version(), annotation.category(), annotation.description(),
                inputs, outputs, params);
    }

    private static void requireHandle(String type, String name, Set<String> seen) {
        if (!Identifier.isValid(name)) {
            throw new InvalidNodeTypeDeclarationException(type + ": handle name " + Identifier.problem(name));
        }
        if (!seen.add(name)) {
            throw new InvalidNodeTypeDeclarationException(type + ": duplicate handle " + name);
        }
    }

    private static @Nullable Object parseDefault(String type, String param, ParameterType parameterType, String text) {
        try {
            return switch (parameterType) {
                case STRING, ANY -> text;
                case INTEGER -> Long.parseLong(text.trim());
                case NUMBER -> Double.parseDouble(text.trim());
                case BOOLEAN -> switch (text.trim()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException("not a boolean");
                };
                case OBJECT -> {
                    if (!text.trim().equals("{}")) {
                        throw new NumberFormatException("only {} is supported as an object default");
                    }
                    yield new LinkedHashMap<String, Object>();
                }
                case ARRAY -> {
                    if (!text.trim().equals("[]")) {
                        throw new NumberFormatException("only [] is supported as an array default");
                    }
                    yield List.of();
                }
            };
        } catch (NumberFormatException e) {
            throw new InvalidNodeTypeDeclarationException(
                    type + ": default of parameter " + param + " is not a valid " + parameterType.wireName()
                            + " ('" + text + "')");
        }
    }
}
