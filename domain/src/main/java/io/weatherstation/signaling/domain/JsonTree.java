package io.weatherstation.signaling.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Deep, unmodifiable copies of JSON object trees (Map / List / String / Number / Boolean /
 * null). Signals cross threads and processes, so a payload must never change after it was
 * created. Trees already frozen here are reused as they are: passing a payload on (wildcard
 * split, readiness inputs) then costs nothing.
 */
final class JsonTree {

    /** Deep enough for any real payload; also turns a self-containing map into a clear error. */
    static final int MAX_DEPTH = 100;

    private JsonTree() {
    }

    /** A deep, unmodifiable copy of {@code source}; {@code path} names it in error messages. */
    static Map<String, Object> freezeObject(Map<?, ?> source, String path) {
        return (FrozenObject) freeze(source, path, 1);
    }

    static Map<String, Object> emptyObject() {
        return FrozenObject.EMPTY;
    }

    /** True when {@code value} is a JSON object tree this class has frozen. */
    static boolean isFrozenObject(@Nullable Object value) {
        return value instanceof FrozenObject;
    }

    private static @Nullable Object freeze(@Nullable Object value, String path, int depth) {
        if (value instanceof Frozen frozen) {
            requireDepth(path, depth + frozen.height() - 1);
            return value;
        }
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number;
            case Long number -> number;
            case Short number -> number;
            case Byte number -> number;
            case Double number -> requireFinite(number, number.isNaN() || number.isInfinite(), path);
            case Float number -> requireFinite(number, number.isNaN() || number.isInfinite(), path);
            // Exact classes only: subclasses of BigInteger/BigDecimal may be mutable.
            case BigInteger number when number.getClass() == BigInteger.class -> number;
            case BigDecimal number when number.getClass() == BigDecimal.class -> number;
            case Map<?, ?> map -> freezeMap(map, path, depth);
            case List<?> list -> freezeList(list, path, depth);
            default -> throw new IllegalArgumentException(
                    path + ": " + value.getClass().getName()
                            + " is not a JSON value (expected Map, List, String, Number, Boolean or null)");
        };
    }

    private static FrozenObject freezeMap(Map<?, ?> map, String path, int depth) {
        requireDepth(path, depth);
        var copy = new LinkedHashMap<String, @Nullable Object>(Math.max(4, map.size() * 4 / 3 + 1));
        int height = 1;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": object keys must be strings (found "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()) + ")");
            }
            Object value = entry.getValue();
            Object child = isPlainScalar(value) ? value : freeze(value, path + "." + key, depth + 1);
            height = Math.max(height, 1 + heightOf(child));
            copy.put(key, child);
        }
        return copy.isEmpty() ? FrozenObject.EMPTY : new FrozenObject(copy, height);
    }

    private static FrozenArray freezeList(List<?> list, String path, int depth) {
        requireDepth(path, depth);
        var copy = new ArrayList<@Nullable Object>(list.size());
        int height = 1;
        int index = 0;
        for (Object element : list) {
            Object child = isPlainScalar(element) ? element : freeze(element, path + "[" + index + "]", depth + 1);
            index++;
            height = Math.max(height, 1 + heightOf(child));
            copy.add(child);
        }
        return new FrozenArray(copy, height);
    }

    /** A value kept as it is, with no check that could fail: its path need not be spelled out. */
    private static boolean isPlainScalar(@Nullable Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long;
    }

    private static int heightOf(@Nullable Object value) {
        return value instanceof Frozen frozen ? frozen.height() : 0;
    }

    private static void requireDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    path + ": nested deeper than " + MAX_DEPTH + " levels (or contains itself)");
        }
    }

    private static Number requireFinite(Number number, boolean notFinite, String path) {
        if (notFinite) {
            throw new IllegalArgumentException(path + ": " + number + " is not a JSON number");
        }
        return number;
    }

    private sealed interface Frozen permits FrozenObject, FrozenArray {
        /** Nesting levels of containers at and below this one (1 for a flat container). */
        int height();
    }

    /** Insertion-ordered, null-tolerant (JSON null) and unmodifiable; equal to any Map with the same entries. */
    private static final class FrozenObject extends AbstractMap<String, Object> implements Frozen {

        static final FrozenObject EMPTY = new FrozenObject(new LinkedHashMap<>(), 1);

        private final Map<String, @Nullable Object> entries;
        private final int height;

        FrozenObject(LinkedHashMap<String, @Nullable Object> entries, int height) {
            this.entries = Collections.unmodifiableMap(entries);
            this.height = height;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        @SuppressWarnings("NullableProblems")
        public Set<Entry<String, Object>> entrySet() {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Set<Entry<String, Object>> view = (Set) entries.entrySet();
            return view;
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return entries.containsKey(key);
        }

        @Override
        public @Nullable Object get(@Nullable Object key) {
            return entries.get(key);
        }
    }

    /** Unmodifiable, null-tolerant (JSON null); equal to any List with the same elements. */
    private static final class FrozenArray extends AbstractList<@Nullable Object> implements Frozen, RandomAccess {

        private final List<@Nullable Object> elements;
        private final int height;

        FrozenArray(ArrayList<@Nullable Object> elements, int height) {
            this.elements = elements;
            this.height = height;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public @Nullable Object get(int index) {
            return elements.get(index);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
