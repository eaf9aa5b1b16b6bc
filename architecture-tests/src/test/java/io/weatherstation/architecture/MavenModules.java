package io.weatherstation.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Maven module a class was loaded from, read off its code source: a module's
 * {@code target/classes} directory, a jar in its {@code target} directory (in a reactor build), or
 * {@code <artifactId>-<version>.jar} in a repository. Module directories are named after their
 * artifact ids.
 */
final class MavenModules {

    private static final List<Pattern> LOCATIONS = List.of(
            Pattern.compile("/([^/!]+)/target/(?:test-)?classes/"),
            Pattern.compile("/([^/!]+)/target/[^/!]+\\.jar!/"),
            Pattern.compile("/([^/!]+?)-\\d[^/!]*\\.jar!/"));

    private MavenModules() {
    }

    static Optional<String> of(JavaClass type) {
        return type.getSource().flatMap(source -> fromLocation(source.getUri().toString()));
    }

    static Optional<String> fromLocation(String location) {
        for (Pattern pattern : LOCATIONS) {
            Matcher matcher = pattern.matcher(location);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
