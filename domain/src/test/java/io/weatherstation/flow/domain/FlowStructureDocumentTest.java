package io.weatherstation.flow.domain;

import static io.weatherstation.flow.domain.StructureAnalyzerTest.edge;
import static io.weatherstation.flow.domain.StructureAnalyzerTest.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FlowStructureDocumentTest {

    private final FlowStructure twoComponents = StructureAnalyzer.analyze(
            nodes("a", "b", "c"), List.of(edge("a", "b")));

    @Test
    void writes_the_stored_structure_tree_exactly() {
        Map<String, Object> document = twoComponents.toDocument();

        assertThat(document).isEqualTo(Map.of(
                "component_count", 2,
                "components", Map.of(
                        "0", Map.of("nodes", List.of("a", "b"), "entry_nodes", List.of("a"), "node_count", 2, "is_dag", true),
                        "1", Map.of("nodes", List.of("c"), "entry_nodes", List.of("c"), "node_count", 1, "is_dag", true))));
    }

    @Test
    void keeps_key_order_so_the_stored_json_reads_naturally() {
        Map<String, Object> document = twoComponents.toDocument();

        assertThat(document).isInstanceOf(LinkedHashMap.class);
        assertThat(document.keySet()).containsExactly("component_count", "components");
        Map<?, ?> components = (Map<?, ?>) document.get("components");
        assertThat(List.copyOf(components.keySet())).isEqualTo(List.of("0", "1"));
        assertThat(List.copyOf(((Map<?, ?>) components.get("0")).keySet()))
                .isEqualTo(List.of("nodes", "entry_nodes", "node_count", "is_dag"));
    }

    @Test
    void uses_only_plain_json_types() {
        assertOnlyJsonTypes(twoComponents.toDocument());
    }

    @Test
    void reads_its_own_document_back() {
        assertThat(FlowStructure.fromDocument(twoComponents.toDocument())).isEqualTo(twoComponents);
    }

    @Test
    void a_component_with_a_cycle_also_carries_the_cycle_so_it_reads_back_equal() {
        FlowStructure cyclic = StructureAnalyzer.analyze(nodes("a", "b"), List.of(edge("a", "b"), edge("b", "a")));

        Map<String, Object> document = cyclic.toDocument();

        Map<?, ?> component = (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("0");
        assertThat(component.get("is_dag")).isEqualTo(false);
        assertThat(component.get("cycle")).isEqualTo(List.of("a", "b", "a"));
        assertThat(FlowStructure.fromDocument(document)).isEqualTo(cyclic);
    }

    @Test
    void accepts_counts_that_a_json_parser_read_as_long() {
        Map<String, Object> document = twoComponents.toDocument();
        document.put("component_count", 2L);

        assertThat(FlowStructure.fromDocument(document)).isEqualTo(twoComponents);
    }

    @Test
    void rejects_a_component_count_that_does_not_match() {
        assertMalformed(doc -> doc.put("component_count", 3), "component_count is 3");
    }

    @Test
    void rejects_a_node_count_that_does_not_match() {
        assertMalformed(doc -> component(doc, "0").put("node_count", 5), "components.0.node_count is 5");
    }

    @Test
    void rejects_missing_or_mistyped_fields() {
        assertMalformed(doc -> doc.remove("components"), "components must be an object");
        assertMalformed(doc -> component(doc, "0").put("is_dag", "yes"), "is_dag must be a boolean");
        assertMalformed(doc -> component(doc, "0").put("nodes", "a,b"), "must be a list of node ids");
        assertMalformed(doc -> component(doc, "0").put("entry_nodes", List.of(1)), "must be a list of node ids");
        assertMalformed(doc -> component(doc, "1").put("nodes", List.of("bad id")), "components.1.nodes");
        assertMalformed(doc -> component(doc, "0").put("node_count", 2.0), "must be a non-negative integer");
    }

    @Test
    void rejects_component_ids_with_a_gap() {
        assertMalformed(doc -> {
            Map<String, Object> components = castMap(doc.get("components"));
            components.put("2", components.remove("1"));
        }, "components.1 must be an object");
    }

    @Test
    void rejects_a_node_in_two_components() {
        assertMalformed(doc -> {
            component(doc, "1").put("nodes", List.of("a"));
            component(doc, "1").put("entry_nodes", List.of("a"));
        }, "node 'a' is in component 0 and in component 1");
    }

    @Test
    void rejects_a_cyclic_component_without_its_cycle() {
        FlowStructure cyclic = StructureAnalyzer.analyze(nodes("a"), List.of(edge("a", "a")));
        Map<String, Object> document = cyclic.toDocument();
        component(document, "0").remove("cycle");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> FlowStructure.fromDocument(document))
                .withMessageContaining("components.0.cycle");
    }

    private void assertMalformed(Consumer<Map<String, Object>> damage, String problem) {
        Map<String, Object> document = twoComponents.toDocument();
        damage.accept(document);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FlowStructure.fromDocument(document))
                .withMessageStartingWith("malformed structure document")
                .withMessageContaining(problem);
    }

    private static Map<String, Object> component(Map<String, Object> document, String id) {
        return castMap(castMap(document.get("components")).get(id));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    static void assertOnlyJsonTypes(Object value) {
        switch (value) {
            case LinkedHashMap<?, ?> map -> map.forEach((key, nested) -> {
                assertThat(key).isInstanceOf(String.class);
                assertOnlyJsonTypes(nested);
            });
            case List<?> list -> list.forEach(FlowStructureDocumentTest::assertOnlyJsonTypes);
            default -> assertThat(value).isInstanceOfAny(String.class, Integer.class, Boolean.class);
        }
    }
}
