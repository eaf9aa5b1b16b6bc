package io.weatherstation.flow.domain;

import static io.weatherstation.flow.domain.StructureAnalyzerTest.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.ComponentId;
import io.weatherstation.shared.domain.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class StructureComponentTest {

    private static final ComponentId ZERO = ComponentId.of(0);

    @Test
    void describes_its_cycle_with_arrows() {
        StructureComponent component = StructureComponent.cyclic(ZERO, nodes("a", "b", "c"), List.of(), nodes("a", "b", "c", "a"));

        assertThat(component.cycleDescription()).isEqualTo("a → b → c → a");
    }

    @Test
    void a_cycle_path_must_close_on_its_first_node() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StructureComponent.cyclic(ZERO, nodes("a", "b"), List.of(), nodes("a", "b")))
                .withMessageContaining("start and end on the same node");
    }

    @Test
    void a_cyclic_component_needs_a_cycle_path() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StructureComponent.cyclic(ZERO, nodes("a"), List.of(), List.of()));
    }

    @Test
    void a_dag_has_no_cycle_path() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StructureComponent(ZERO, nodes("a"), nodes("a"), true, nodes("a", "a")));
    }

    @Test
    void a_dag_has_at_least_one_entry_node() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StructureComponent.acyclic(ZERO, nodes("a", "b"), List.of()))
                .withMessageContaining("no entry node");
    }

    @Test
    void entry_nodes_and_cycle_nodes_belong_to_the_component() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StructureComponent.acyclic(ZERO, nodes("a"), nodes("b")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StructureComponent.cyclic(ZERO, nodes("a"), List.of(), nodes("x", "x")));
    }

    @Test
    void has_at_least_one_node_and_no_node_twice() {
        assertThatIllegalArgumentException().isThrownBy(() -> StructureComponent.acyclic(ZERO, List.of(), List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> StructureComponent.acyclic(ZERO, nodes("a", "a"), nodes("a")));
    }

    @Test
    void keeps_its_own_copy_of_the_lists() {
        List<NodeId> members = new ArrayList<>(nodes("a", "b"));
        StructureComponent component = StructureComponent.acyclic(ZERO, members, nodes("a"));

        members.add(NodeId.of("c"));

        assertThat(component.nodes()).isEqualTo(nodes("a", "b"));
    }

    @Test
    void a_structure_numbers_its_components_from_zero_without_gaps() {
        StructureComponent one = StructureComponent.acyclic(ComponentId.of(1), nodes("a"), nodes("a"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowStructure(List.of(one)))
                .withMessageContaining("0, 1, … in order");
    }

    @Test
    void a_structure_puts_every_node_in_one_component_only() {
        StructureComponent first = StructureComponent.acyclic(ComponentId.of(0), nodes("a"), nodes("a"));
        StructureComponent second = StructureComponent.acyclic(ComponentId.of(1), nodes("a"), nodes("a"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowStructure(List.of(first, second)))
                .withMessageContaining("node 'a' is in component 0 and in component 1");
    }

    @Test
    void asking_for_a_missing_component_or_node_says_what_is_missing() {
        FlowStructure structure = new FlowStructure(List.of(StructureComponent.acyclic(ZERO, nodes("a"), nodes("a"))));

        assertThatThrownBy(() -> structure.component(ComponentId.of(3)))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no component 3");
        assertThatThrownBy(() -> structure.componentOf(NodeId.of("b")))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("'b'");
    }
}
