package io.weatherstation.signaling.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The kind of a {@link Signal}. An open set rather than an enum: node types in the catalog may
 * introduce their own types, so any upper snake case name of up to 64 characters is a valid type.
 * The constants are the types the station itself knows about.
 */
public record SignalType(String name) {

    private static final int MAX_LENGTH = 64;

    public static final SignalType DATA_READY = new SignalType("DATA_READY");
    public static final SignalType PRICE_DATA = new SignalType("PRICE_DATA");
    public static final SignalType DATASET = new SignalType("DATASET");
    public static final SignalType DEX_TRADE_RECEIPT = new SignalType("DEX_TRADE_RECEIPT");
    public static final SignalType VAULT_INFO = new SignalType("VAULT_INFO");
    public static final SignalType AI_RESPONSE = new SignalType("AI_RESPONSE");
    public static final SignalType STOP_EXECUTION = new SignalType("STOP_EXECUTION");
    public static final SignalType TEXT = new SignalType("TEXT");
    public static final SignalType NOTIFY_RESPONSE = new SignalType("NOTIFY_RESPONSE");
    public static final SignalType CODE_OUTPUT = new SignalType("CODE_OUTPUT");
    public static final SignalType JSON_DATA = new SignalType("JSON_DATA");
    public static final SignalType ANY = new SignalType("ANY");

    private static final List<SignalType> WELL_KNOWN = List.of(
            DATA_READY, PRICE_DATA, DATASET, DEX_TRADE_RECEIPT, VAULT_INFO, AI_RESPONSE,
            STOP_EXECUTION, TEXT, NOTIFY_RESPONSE, CODE_OUTPUT, JSON_DATA, ANY);

    public SignalType {
        Objects.requireNonNull(name, "name");
        if (!isName(name, false)) {
            throw new IllegalArgumentException(
                    "signal type must be upper snake case [A-Z][A-Z0-9_]{0,63} (was '" + name + "')");
        }
    }

    /**
     * Accepts a type name in any letter case ({@code price_data} → {@code PRICE_DATA}), as the
     * original engine wrote lower-case names on the wire. Only ASCII letters are case-folded, so
     * that e.g. {@code ß} cannot sneak in by upper-casing to {@code SS}.
     */
    public static SignalType of(String name) {
        Objects.requireNonNull(name, "name");
        if (!isName(name, true)) {
            throw new IllegalArgumentException(
                    "signal type must be snake case [A-Za-z][A-Za-z0-9_]{0,63} (was '" + name + "')");
        }
        return new SignalType(name.toUpperCase(Locale.ROOT));
    }

    /**
     * {@code [A-Z][A-Z0-9_]{0,63}}, or with lower-case letters too when {@code anyCase}; checked
     * without a regular expression, as every signal read passes here.
     */
    private static boolean isName(String name, boolean anyCase) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (anyCase && c >= 'a' && c <= 'z');
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '_')))) {
                return false;
            }
        }
        return true;
    }

    /** The types the station itself defines, in a stable order. */
    public static List<SignalType> wellKnown() {
        return WELL_KNOWN;
    }

    public boolean isStopExecution() {
        return equals(STOP_EXECUTION);
    }

    @Override
    public String toString() {
        return name;
    }
}
