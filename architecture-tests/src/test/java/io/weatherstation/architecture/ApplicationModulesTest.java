package io.weatherstation.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import io.weatherstation.WeatherStationApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** Spring Modulith: the vertical slices and their boundaries (ADR 0002). */
class ApplicationModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(WeatherStationApplication.class);

    @Test
    void slices_only_use_each_other_through_named_interfaces_and_without_cycles() {
        MODULES.verify();
    }

    @Test
    void the_slices_are_the_ones_of_adr_0002() {
        assertThat(MODULES.stream().map(ApplicationModulesTest::name))
                .containsExactlyInAnyOrder("shared", "flow", "execution", "signaling", "catalog", "workers", "journal",
                        "compat");
    }

    @Test
    void only_the_shared_kernel_is_open() {
        assertThat(MODULES.stream().filter(ApplicationModule::isOpen).map(ApplicationModulesTest::name))
                .containsExactly("shared");
    }

    @Test
    void writes_the_module_documentation() throws IOException {
        new Documenter(MODULES).writeDocumentation();

        Path docs = Path.of("target", "spring-modulith-docs");
        try (Stream<Path> files = Files.list(docs)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .contains("components.puml", "module-flow.puml", "module-flow.adoc");
        }
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    /** Fixture applications under {@code fixtures.modulith}, shaped like production (OPEN shared kernel, slices exposing {@code domain}). */
    @Nested
    class Verification_bites {

        /** Fixtures are test classes, which Spring Modulith leaves out unless told otherwise. */
        private static final ImportOption EVERYTHING = location -> true;

        private ApplicationModules fixture(String name) {
            return ApplicationModules.of(Fixtures.ROOT + ".modulith." + name, EVERYTHING);
        }

        @Test
        void accepts_slices_that_meet_through_the_domain_named_interface_and_the_open_shared_kernel() {
            ApplicationModules modules = fixture("good");

            assertThat(modules.stream().map(ApplicationModulesTest::name))
                    .containsExactlyInAnyOrder("shared", "flow", "execution");
            assertThatCode(modules::verify).doesNotThrowAnyException();
        }

        @Test
        void rejects_a_slice_reaching_into_another_slices_internal_package() {
            assertThatThrownBy(() -> fixture("internal").verify())
                    .isInstanceOf(Violations.class)
                    .hasMessageContaining("StartCycleService")
                    .hasMessageContaining("RegisterFlowService");
        }

        @Test
        void rejects_a_dependency_cycle_between_slices() {
            assertThatThrownBy(() -> fixture("cycle").verify())
                    .isInstanceOf(Violations.class)
                    .hasMessageContaining("Cycle detected");
        }
    }
}
