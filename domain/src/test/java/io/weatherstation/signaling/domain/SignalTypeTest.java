package io.weatherstation.signaling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalTypeTest {

    @Test
    void wellKnownTypesAreTheStationsOwn() {
        assertThat(SignalType.wellKnown()).extracting(SignalType::name).containsExactly(
                "DATA_READY", "PRICE_DATA", "DATASET", "DEX_TRADE_RECEIPT", "VAULT_INFO", "AI_RESPONSE",
                "STOP_EXECUTION", "TEXT", "NOTIFY_RESPONSE", "CODE_OUTPUT", "JSON_DATA", "ANY");
    }

    @Test
    void catalogMayIntroduceNewTypes() {
        assertThat(new SignalType("CANDLE_CHART").name()).isEqualTo("CANDLE_CHART");
        assertThat(SignalType.of("CANDLE_CHART")).isEqualTo(new SignalType("CANDLE_CHART"));
    }

    @Test
    void ofAcceptsAnyLetterCase() {
        assertThat(SignalType.of("price_data")).isEqualTo(SignalType.PRICE_DATA);
        assertThat(SignalType.of("Ai_Response")).isEqualTo(SignalType.AI_RESPONSE);
    }

    @Test
    void constructorRequiresUpperSnakeCase() {
        assertThatThrownBy(() -> new SignalType("price_data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper snake case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1ABC", "_ABC", "PRICE-DATA", "PRICE DATA", "PRICE.DATA", "straße", "ÄRGER",
            "A2345678901234567890123456789012345678901234567890123456789012345"})
    void ofRejectsNamesOutsideTheAlphabet(String name) {
        assertThatThrownBy(() -> SignalType.of(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sixtyFourCharactersIsTheLongestName() {
        String longest = "A" + "B".repeat(63);
        assertThat(SignalType.of(longest).name()).hasSize(64);
    }

    @Test
    void recognisesStopExecution() {
        assertThat(SignalType.of("stop_execution").isStopExecution()).isTrue();
        assertThat(SignalType.TEXT.isStopExecution()).isFalse();
    }
}
