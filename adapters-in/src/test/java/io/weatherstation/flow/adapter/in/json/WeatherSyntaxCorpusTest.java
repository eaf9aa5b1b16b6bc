package io.weatherstation.flow.adapter.in.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.ValidationProblem;
import io.weatherstation.testing.FixtureCronSyntax;
import io.weatherstation.testing.FixtureNodeTypes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of rejected documents under {@code weather-syntax/invalid/}: every {@code name.json}
 * has a {@code name.expected} listing exactly the problems it must produce, in order, one per
 * line as {@code pointer code} or {@code pointer code :: exact message} ({@code ""} is the
 * document root; lines starting with {@code #} are comments). The corpus is read with the
 * fixture catalog and small flow limits ({@value #MAX_NODES} nodes, {@value #MAX_EDGES} edges)
 * so the size files stay small.
 */
class WeatherSyntaxCorpusTest {

    static final int MAX_NODES = 20;
    static final int MAX_EDGES = 30;
    static final String MESSAGE_SEPARATOR = " :: ";

    final WeatherSyntaxJson json = new WeatherSyntaxJson(FixtureNodeTypes.CATALOG, FixtureCronSyntax.INSTANCE,
            new FlowLimits(MAX_NODES, MAX_EDGES), WeatherSyntaxJson.DEFAULT_MAX_BODY_BYTES);

    /** One expected problem; a null message is not compared. */
    record Expected(String pointer, String code, @Nullable String message) {
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(WeatherSyntaxCorpusTest.class.getResource("/weather-syntax/invalid")).toURI());
    }

    static Stream<String> documents() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void rejectsTheDocumentWithExactlyTheExpectedProblems(String name) throws Exception {
        byte[] body = Files.readAllBytes(corpus().resolve(name + ".json"));
        List<Expected> expected = parseExpected(Files.readAllLines(corpus().resolve(name + ".expected"), StandardCharsets.UTF_8));

        InvalidFlowDefinitionException rejected = catchThrowableOfType(InvalidFlowDefinitionException.class, () -> json.read(body));

        assertThat(rejected).as("%s is rejected", name).isNotNull();
        List<ValidationProblem> actual = rejected.problems();
        assertThat(actual).as("%s: pointer and code of every problem, in order", name)
                .extracting(p -> p.pointer() + " " + p.code())
                .containsExactlyElementsOf(expected.stream().map(e -> e.pointer() + " " + e.code()).toList());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).message() != null) {
                assertThat(actual.get(i).message()).as("%s: message of problem %d", name, i).isEqualTo(expected.get(i).message());
            }
            assertThat(actual.get(i).message()).as("%s: every problem explains itself", name).isNotBlank();
        }
    }

    @Test
    void holdsAtLeastThirtyDocumentsEachWithItsExpectation() throws Exception {
        List<String> names = documents().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(30);
        try (Stream<Path> files = Files.list(corpus())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".json")))
                    .as("every .expected file has its .json and nothing else lives here")
                    .allSatisfy(n -> assertThat(names).contains(n.replaceFirst("\\.expected$", "")));
        }
        for (String name : names) {
            assertThat(corpus().resolve(name + ".expected")).as("expectation for %s", name).exists();
        }
    }

    static List<Expected> parseExpected(List<String> lines) {
        List<Expected> expected = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String head = line;
            String message = null;
            int separator = line.indexOf(MESSAGE_SEPARATOR);
            if (separator >= 0) {
                head = line.substring(0, separator);
                message = line.substring(separator + MESSAGE_SEPARATOR.length());
            }
            String[] parts = head.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected 'pointer code[ :: message]', got: " + line);
            }
            expected.add(new Expected(parts[0].equals("\"\"") ? "" : parts[0], parts[1], message));
        }
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("an expectation lists at least one problem");
        }
        return expected;
    }
}
