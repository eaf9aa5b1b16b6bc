package io.weatherstation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.weatherstation.WeatherStationApplication;
import io.weatherstation.shared.domain.FlowId;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureRules} over every production class of every module. */
class ProductionArchitectureTest {

    /** Production classes only: the fixtures in this module's test sources break the rules on purpose. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ArchitectureRules.BASE);

    @Test
    void imports_production_classes_from_the_module_jars_and_no_test_classes() {
        assertThat(PRODUCTION.contain(FlowId.class)).isTrue();
        assertThat(PRODUCTION.contain(WeatherStationApplication.class)).isTrue();
        assertThat(PRODUCTION.stream().map(JavaClass::getPackageName))
                .noneMatch(name -> name.startsWith("io.weatherstation.architecture"));
    }

    @Test
    void domain_is_plain_java() {
        ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(PRODUCTION);
    }

    @Test
    void application_is_plain_java() {
        ArchitectureRules.APPLICATION_IS_PLAIN_JAVA.check(PRODUCTION);
    }

    @Test
    void adapters_in_and_out_are_independent() {
        ArchitectureRules.ADAPTERS_IN_AND_OUT_ARE_INDEPENDENT.check(PRODUCTION);
    }

    @Test
    void infrastructure_only_in_adapters_and_bootstrap() {
        ArchitectureRules.INFRASTRUCTURE_ONLY_IN_ADAPTERS_AND_BOOTSTRAP.check(PRODUCTION);
    }

    @Test
    void naming_conventions() {
        ArchitectureRules.NAMING.check(PRODUCTION);
    }

    @Test
    void domain_does_not_read_the_clock_or_make_ids() {
        ArchitectureRules.DOMAIN_DOES_NOT_READ_CLOCK_OR_MAKE_IDS.check(PRODUCTION);
    }

    @Test
    void every_package_is_null_marked() {
        ArchitectureRules.PACKAGES_ARE_NULL_MARKED.check(PRODUCTION);
    }

    @Test
    void layers_live_in_their_maven_module() {
        ArchitectureRules.LAYERS_LIVE_IN_THEIR_MAVEN_MODULE.check(PRODUCTION);
    }
}
