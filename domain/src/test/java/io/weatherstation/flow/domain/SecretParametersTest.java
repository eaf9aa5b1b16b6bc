package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.testing.FixtureNodeTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretParametersTest {

    @Test
    void masks_secret_parameters_in_config_and_keeps_everything_else() {
        Map<String, Object> document = Map.of(
                "name", "demo",
                "nodes", List.of(
                        Map.of("id", "p", "type", "params", "config", Map.of("token", "s3cr3t", "text", "visible")),
                        Map.of("id", "s", "type", "source", "config", Map.of("symbol", "BTCUSDT"))));

        Map<String, Object> masked = SecretParameters.mask(document, FixtureNodeTypes.CATALOG);

        assertThat(masked).isEqualTo(Map.of(
                "name", "demo",
                "nodes", List.of(
                        Map.of("id", "p", "type", "params", "config", Map.of("token", "******", "text", "visible")),
                        Map.of("id", "s", "type", "source", "config", Map.of("symbol", "BTCUSDT")))));
        assertThat(masked.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void masks_secret_parameters_given_in_the_editor_form() {
        Map<String, Object> document = Map.of("nodes", List.of(Map.of("id", "p", "type", "params", "data", Map.of(
                "label", "Params",
                "inputs", List.of(
                        Map.of("id", "token", "value", "s3cr3t"),
                        Map.of("id", "text", "value", "visible"),
                        Map.of("id", "in_handle"))))));

        Map<String, Object> masked = SecretParameters.mask(document, FixtureNodeTypes.CATALOG);

        assertThat(masked).isEqualTo(Map.of("nodes", List.of(Map.of("id", "p", "type", "params", "data", Map.of(
                "label", "Params",
                "inputs", List.of(
                        Map.of("id", "token", "value", "******"),
                        Map.of("id", "text", "value", "visible"),
                        Map.of("id", "in_handle")))))));
    }

    @Test
    void leaves_null_secrets_unknown_types_and_odd_shapes_alone() {
        Map<String, Object> config = new HashMap<>();
        config.put("token", null);
        List<Object> nodes = new ArrayList<>();
        nodes.add(Map.of("id", "p", "type", "params", "config", config));
        nodes.add(Map.of("id", "x", "type", "not_a_type", "config", Map.of("token", "kept")));
        nodes.add("not an object");
        nodes.add(Map.of("id", "q", "type", "params", "config", "not an object"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("nodes", nodes);

        Map<String, Object> masked = SecretParameters.mask(document, FixtureNodeTypes.CATALOG);

        assertThat(masked).isEqualTo(document);
    }

    @Test
    void returns_an_immutable_copy_and_never_changes_the_input() {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("token", "s3cr3t"));
        Map<String, Object> node = new LinkedHashMap<>(Map.of("id", "p", "type", "params", "config", config));
        Map<String, Object> document = new LinkedHashMap<>(Map.of("nodes", new ArrayList<>(List.of(node))));

        Map<String, Object> masked = SecretParameters.mask(document, FixtureNodeTypes.CATALOG);

        assertThat(config).containsEntry("token", "s3cr3t");
        assertThatThrownBy(() -> masked.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void names_the_secret_parameters_of_a_type() {
        assertThat(SecretParameters.secretNames("params", FixtureNodeTypes.CATALOG)).containsExactly("token");
        assertThat(SecretParameters.secretNames("source", FixtureNodeTypes.CATALOG)).isEmpty();
        assertThat(SecretParameters.secretNames("unknown", FixtureNodeTypes.CATALOG)).isEmpty();
    }
}
