package io.weatherstation.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeTaskIdTest {

    private static NodeTaskId id(String flow, long cycle, String node) {
        return NodeTaskId.of(FlowId.of(flow), CycleNumber.of(cycle), NodeId.of(node));
    }

    @Test
    void aDisplayFormReadsBackAsItsId() {
        assertThat(NodeTaskId.readingsOf(id("btc", 4, "buy").display())).containsExactly(id("btc", 4, "buy"));
    }

    @Test
    void idsContainingUnderscoresAndDigitsGiveEveryReadingFlowIdShortestFirst() {
        String display = id("btc_4h_2", 3, "step_7_x").display();

        assertThat(display).isEqualTo("btc_4h_2_3_step_7_x");
        assertThat(NodeTaskId.readingsOf(display)).containsExactly(id("btc_4h", 2, "3_step_7_x"),
                id("btc_4h_2", 3, "step_7_x"), id("btc_4h_2_3_step", 7, "x"));
    }

    @Test
    void textThatIsNoDisplayFormHasNoReading() {
        assertThat(NodeTaskId.readingsOf("btc")).isEmpty();
        assertThat(NodeTaskId.readingsOf("btc_4_")).isEmpty();
        assertThat(NodeTaskId.readingsOf("_4_buy")).isEmpty();
        assertThat(NodeTaskId.readingsOf("btc_x_buy")).isEmpty();
        assertThat(NodeTaskId.readingsOf("btc_99999999999999999999_buy")).isEmpty();
        assertThat(NodeTaskId.readingsOf("btc_-1_buy")).isEmpty();
    }
}
