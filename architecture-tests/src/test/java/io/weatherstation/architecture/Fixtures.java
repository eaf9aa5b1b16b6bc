package io.weatherstation.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Imports the fixture classes under {@code io.weatherstation.architecture.fixtures}: test classes,
 * which the production import leaves out. Each case sits in its own package, laid out to match the
 * package patterns of the rule it exercises.
 */
final class Fixtures {

    static final String ROOT = "io.weatherstation.architecture.fixtures";

    private Fixtures() {
    }

    /** The classes of one fixture case, e.g. {@code "domainpurity.jackson"}. */
    static JavaClasses in(String fixturePackage) {
        JavaClasses classes = new ClassFileImporter().importPackages(ROOT + "." + fixturePackage);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no fixture classes in " + ROOT + "." + fixturePackage);
        }
        return classes;
    }

    static JavaClasses of(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
