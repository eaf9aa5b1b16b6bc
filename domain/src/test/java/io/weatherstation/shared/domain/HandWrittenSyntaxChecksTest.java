package io.weatherstation.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.signaling.domain.SignalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The id, cycle, component and signal type checks are loops rather than regular expressions (they
 * run for every signal); each must accept exactly what its regular expression accepts.
 */
class HandWrittenSyntaxChecksTest {

    private static final String ALPHABET = "aZz09_-.*# \u00e9\u00df0123456789ABCDEFxyz";

    @Test
    void identifiersAreExactlyTheSafeAlphabetUpTo128Characters() {
        Pattern safe = Pattern.compile("[A-Za-z0-9_-]{1,128}");
        for (String s : samples()) {
            assertThat(Identifier.isValid(s)).as("'%s'", s).isEqualTo(safe.matcher(s).matches());
        }
        assertThat(Identifier.isValid(null)).isFalse();
        assertThat(Identifier.isValid("a".repeat(128))).isTrue();
        assertThat(Identifier.isValid("a".repeat(129))).isFalse();
    }

    @Test
    void canonicalDecimalsHaveNoSignNoLeadingZerosAndAtMostTheirDigits() {
        Pattern cycle = Pattern.compile("0|[1-9][0-9]{0,17}");
        Pattern component = Pattern.compile("0|[1-9][0-9]{0,8}");
        Pattern any = Pattern.compile("0|[1-9][0-9]*");
        for (String s : samples()) {
            assertThat(CanonicalDecimal.matches(s, 18)).as("'%s'", s).isEqualTo(cycle.matcher(s).matches());
            assertThat(CanonicalDecimal.matches(s, 9)).as("'%s'", s).isEqualTo(component.matcher(s).matches());
            assertThat(CanonicalDecimal.matches(s, Integer.MAX_VALUE)).as("'%s'", s).isEqualTo(any.matcher(s).matches());
        }
        assertThat(CanonicalDecimal.matches(null, 18)).isFalse();
        assertThat(CycleNumber.parse("999999999999999999").value()).isEqualTo(999_999_999_999_999_999L);
        assertThatThrownBy(() -> CycleNumber.parse("1000000000000000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CycleNumber.parse("07")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComponentId.parse("+1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signalTypesAreSnakeCaseStartingWithALetterUpTo64Characters() {
        Pattern upper = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
        Pattern anyCase = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
        for (String s : samples()) {
            assertThat(accepts(() -> new SignalType(s))).as("'%s'", s).isEqualTo(upper.matcher(s).matches());
            assertThat(accepts(() -> SignalType.of(s))).as("'%s'", s).isEqualTo(anyCase.matcher(s).matches());
        }
    }

    private static boolean accepts(Runnable construction) {
        try {
            construction.run();
            return true;
        } catch (IllegalArgumentException rejected) {
            return false;
        }
    }

    /** Edge cases, then random strings over an alphabet of allowed and forbidden characters. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of("", "0", "00", "01", "10", "-1", "+1", "_", "-", "A", "a", "_A",
                "A_", "9A", "A9", "a-b", "a.b", "a b", "a*", "#", "\u00e9", "\u00df", "\u0661", "A".repeat(64),
                "A".repeat(65), "a".repeat(64), "a".repeat(65), "9".repeat(9), "9".repeat(10), "1" + "0".repeat(17),
                "1" + "0".repeat(18), "a".repeat(128), "a".repeat(129)));
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(12) + (random.nextInt(20) == 0 ? 120 : 0);
            StringBuilder s = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(s.toString());
        }
        return samples;
    }
}
