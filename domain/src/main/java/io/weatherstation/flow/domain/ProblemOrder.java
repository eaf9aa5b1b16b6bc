package io.weatherstation.flow.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Puts problems in document order: the order in which the values they point at appear in the
 * submitted document (object members in their written order, array elements by index, a value
 * before anything inside it). A pointer to a member that is absent (a missing field) sorts after
 * the members that are present. Problems at the same place keep the order they were found in.
 */
final class ProblemOrder {

    private ProblemOrder() {
    }

    static List<ValidationProblem> sort(@Nullable Object document, List<ValidationProblem> problems) {
        List<Keyed> keyed = new ArrayList<>(problems.size());
        for (ValidationProblem problem : problems) {
            keyed.add(new Keyed(position(document, problem.pointer()), problem));
        }
        keyed.sort(Comparator.comparing(Keyed::position, Arrays::compare)); // stable
        return keyed.stream().map(Keyed::problem).toList();
    }

    private static int[] position(@Nullable Object document, String pointer) {
        List<String> tokens = JsonPointer.tokens(pointer);
        int[] position = new int[tokens.size()];
        Object current = document;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int index = Integer.MAX_VALUE;
            Object next = null;
            if (current instanceof Map<?, ?> object) {
                int member = 0;
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    if (String.valueOf(entry.getKey()).equals(token)) {
                        index = member;
                        next = entry.getValue();
                        break;
                    }
                    member++;
                }
            } else if (current instanceof List<?> array && token.matches("\\d{1,9}")) {
                index = Integer.parseInt(token);
                next = index < array.size() ? array.get(index) : null;
            }
            position[i] = index;
            current = next;
        }
        return position;
    }

    private record Keyed(int[] position, ValidationProblem problem) {
    }
}
