package io.weatherstation.catalog.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.weatherstation.catalog.domain.InputHandleSpec;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.catalog.domain.OutputHandleSpec;
import io.weatherstation.catalog.domain.ParameterSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** JSON shapes of the catalog routes, and the mapping from the descriptors. */
final class NodeTypeResponses {

    /** Shown instead of a secret parameter's default value. */
    static final String MASK = "******";

    private NodeTypeResponses() {
    }

    record NodeTypeListResponse(@JsonProperty("node_types") List<NodeTypeResponse> nodeTypes) {
    }

    record NodeTypeResponse(String type, String version, String category, String description,
            List<InputResponse> inputs, List<OutputResponse> outputs, List<ParameterResponse> parameters) {

        static NodeTypeResponse of(NodeTypeDescriptor type) {
            return new NodeTypeResponse(type.type(), type.version(), type.category(), type.description(),
                    type.inputs().stream().map(InputResponse::of).toList(),
                    type.outputs().stream().map(OutputResponse::of).toList(),
                    type.parameters().stream().map(ParameterResponse::of).toList());
        }
    }

    record InputResponse(String name, @JsonProperty("signal_type") String signalType, boolean required,
            boolean aggregate, String description) {

        static InputResponse of(InputHandleSpec input) {
            return new InputResponse(input.name(), input.signalType(), input.required(), input.aggregate(),
                    input.description());
        }
    }

    record OutputResponse(String name, @JsonProperty("signal_type") String signalType, String description) {

        static OutputResponse of(OutputHandleSpec output) {
            return new OutputResponse(output.name(), output.signalType(), output.description());
        }
    }

    /** {@code default} is a Java keyword: the component is {@code defaultValue}, the JSON field {@code default}. */
    record ParameterResponse(String name, String type, boolean required,
            @JsonProperty("default") @Nullable Object defaultValue,
            @Nullable Double minimum, @Nullable Double maximum,
            @JsonProperty("allowed_values") List<String> allowedValues, String description, boolean secret) {

        static ParameterResponse of(ParameterSpec parameter) {
            Object shownDefault = parameter.secret() && parameter.defaultValue() != null ? MASK : parameter.defaultValue();
            return new ParameterResponse(parameter.name(), parameter.type().wireName(), parameter.required(),
                    shownDefault, parameter.minimum(), parameter.maximum(), parameter.allowedValues(),
                    parameter.description(), parameter.secret());
        }
    }
}
