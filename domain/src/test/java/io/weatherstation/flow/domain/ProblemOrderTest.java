package io.weatherstation.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.testing.JsonText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemOrderTest {

    @Test
    void sortsByPositionInTheDocumentWithAbsentMembersLastAndTiesStable() {
        Object document = JsonText.parse("{\"b\": [0, {\"y\": 1, \"x\": 2}], \"a\": {}}");
        List<ValidationProblem> found = List.of(
                problem("/a/missing", "1"), problem("/b/1/x", "2"), problem("", "3"), problem("/b/1", "4"),
                problem("/b/1/y", "5"), problem("/zzz", "6"), problem("/b/1/x", "7"), problem("/b/10", "8"));

        assertThat(ProblemOrder.sort(document, found)).extracting(ValidationProblem::message)
                .containsExactly("3", "4", "5", "2", "7", "8", "1", "6");
    }

    @Test
    void escapesAndUnescapesPointerTokens() {
        String pointer = JsonPointer.append(JsonPointer.append("", "a/b"), "m~n");

        assertThat(pointer).isEqualTo("/a~1b/m~0n");
        assertThat(JsonPointer.tokens(pointer)).containsExactly("a/b", "m~n");
        assertThat(WeatherSyntaxValidationTest.codesOf("{\"nodes\": [{\"id\": \"p\", \"type\": \"params\","
                + " \"config\": {\"count\": \"x\", \"a/b\": 1}}], \"edges\": []}"))
                .containsExactly("/nodes/0/config/count invalid_parameter");
    }

    private static ValidationProblem problem(String pointer, String message) {
        return new ValidationProblem(pointer, "c", message);
    }
}
