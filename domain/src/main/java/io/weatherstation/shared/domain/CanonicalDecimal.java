package io.weatherstation.shared.domain;

/**
 * The one spelling of a non-negative integer in routing keys and storage keys: {@code 0} or
 * {@code [1-9][0-9]*} — no sign, no leading zeros. Checked with a loop rather than a regular
 * expression, as every signal and every stored task passes here.
 */
public final class CanonicalDecimal {

    private CanonicalDecimal() {
    }

    /** True when {@code text} is in canonical decimal form with at most {@code maxDigits} digits. */
    public static boolean matches(String text, int maxDigits) {
        if (text == null || text.isEmpty() || text.length() > maxDigits
                || (text.charAt(0) == '0' && text.length() > 1)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
