package io.weatherstation.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import io.weatherstation.WeatherStationApplication;
import io.weatherstation.architecture.fixtures.clock.bad.domain.CallsCurrentTimeMillis;
import io.weatherstation.architecture.fixtures.clock.bad.domain.CallsInstantNow;
import io.weatherstation.architecture.fixtures.clock.bad.domain.CallsLocalDateTimeNow;
import io.weatherstation.architecture.fixtures.clock.bad.domain.CallsRandomUuid;
import io.weatherstation.shared.domain.FlowId;
import io.weatherstation.shared.domain.NodeId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof that each rule bites: it fails on a fixture that breaks it and passes on one that follows
 * it. Compliant fixtures are checked with {@code allowEmptyShould(false)}, so they pass only if the
 * rule really selected them.
 */
class ArchitectureRulesTest {

    private static void assertViolated(ArchRule rule, JavaClasses classes, String... expectedInMessage) {
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(expectedInMessage);
    }

    private static void assertSatisfied(ArchRule rule, JavaClasses classes) {
        assertThatCode(() -> rule.allowEmptyShould(false).check(classes)).doesNotThrowAnyException();
    }

    @Nested
    class Rule1_domain_is_plain_java {

        private final ArchRule rule = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

        @Test
        void rejects_jackson_in_the_domain() {
            assertViolated(rule, Fixtures.in("domainpurity.jackson"), "UsesJackson", "tools.jackson.databind.ObjectMapper");
        }

        @Test
        void rejects_spring_annotations_in_the_domain() {
            assertViolated(rule, Fixtures.in("domainpurity.spring"), "UsesSpring", "org.springframework.stereotype.Component");
        }

        @Test
        void rejects_spring_modulith_annotations_outside_package_info() {
            assertViolated(rule, Fixtures.in("domainpurity.modulithontype"), "ModulithOnAType", "NamedInterface");
        }

        @Test
        void rejects_a_domain_class_that_uses_the_application_layer() {
            assertViolated(rule, Fixtures.in("domainpurity.uplayer"), "CallsUpward", "AnApplicationService");
        }

        @Test
        void accepts_java_jspecify_domain_types_and_modulith_annotations_on_package_info() {
            assertSatisfied(rule, Fixtures.in("domainpurity.good"));
        }
    }

    @Nested
    class Rule2_application_is_plain_java {

        private final ArchRule rule = ArchitectureRules.APPLICATION_IS_PLAIN_JAVA;

        @Test
        void rejects_spring_stereotypes_on_services() {
            assertViolated(rule, Fixtures.in("applicationpurity.spring"), "AnnotatedService", "org.springframework.stereotype.Service");
        }

        @Test
        void rejects_ports_typed_with_web_clients() {
            assertViolated(rule, Fixtures.in("applicationpurity.web"), "PriceFeed", "org.springframework.web.client.RestClient");
        }

        @Test
        void rejects_application_code_that_uses_an_adapter() {
            assertViolated(rule, Fixtures.in("applicationpurity.downlayer"), "CallsAnAdapter", "MemoryStore");
        }

        @Test
        void accepts_services_over_ports_and_domain_types() {
            assertSatisfied(rule, Fixtures.in("applicationpurity.good"));
        }
    }

    @Nested
    class Rule3_adapters_in_and_out_are_independent {

        private final ArchRule rule = ArchitectureRules.ADAPTERS_IN_AND_OUT_ARE_INDEPENDENT;

        @Test
        void rejects_an_inbound_adapter_using_an_outbound_adapter() {
            assertViolated(rule, Fixtures.in("adapterisolation.inbound"), "FlowController", "RedisFlowStore");
        }

        @Test
        void rejects_an_outbound_adapter_using_an_inbound_adapter() {
            assertViolated(rule, Fixtures.in("adapterisolation.outbound"), "SignalPublisher", "SignalListener");
        }

        @Test
        void accepts_adapters_that_meet_through_ports() {
            assertSatisfied(rule, Fixtures.in("adapterisolation.good"));
        }
    }

    @Nested
    class Rule4_infrastructure_only_in_adapters_and_bootstrap {

        private final ArchRule rule = ArchitectureRules.INFRASTRUCTURE_ONLY_IN_ADAPTERS_AND_BOOTSTRAP;

        @Test
        void rejects_jackson_outside_adapters() {
            assertViolated(rule, Fixtures.in("infrastructure.jackson"), "FlowJson", "tools.jackson.databind.ObjectMapper");
        }

        @Test
        void rejects_servlet_types_outside_adapters() {
            assertViolated(rule, Fixtures.in("infrastructure.servlet"), "RequestSupport", "jakarta.servlet.http.HttpServletRequest");
        }

        @Test
        void rejects_jackson_annotations_outside_adapters() {
            assertViolated(rule, Fixtures.in("infrastructure.jacksonannotation"), "FlowView", "com.fasterxml.jackson.annotation.JsonProperty");
        }

        @Test
        void accepts_infrastructure_in_adapters_and_config_wiring() {
            assertSatisfied(rule, Fixtures.in("infrastructure.good"));
        }
    }

    @Nested
    class Rule5_naming {

        @Test
        void rejects_impl_suffix() {
            assertViolated(ArchitectureRules.NO_IMPL_SUFFIX, Fixtures.in("naming.impl"), "FlowRepositoryImpl");
        }

        @Test
        void rejects_public_adapters() {
            assertViolated(ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE, Fixtures.in("naming.publicadapter"),
                    "InMemoryFlowRepositoryAdapter");
        }

        @Test
        void rejects_ports_in_not_named_use_case() {
            assertViolated(ArchitectureRules.USE_CASES_END_WITH_USE_CASE, Fixtures.in("naming.usecase"), "RegisterFlow");
        }

        @Test
        void rejects_use_case_implementations_not_named_service() {
            assertViolated(ArchitectureRules.USE_CASES_ARE_IMPLEMENTED_BY_SERVICES, Fixtures.in("naming.service"),
                    "RegisterFlowHandler");
        }

        @ParameterizedTest
        @CsvSource({
                "naming.impl, FlowRepositoryImpl",
                "naming.publicadapter, InMemoryFlowRepositoryAdapter",
                "naming.usecase, RegisterFlow",
                "naming.service, RegisterFlowHandler",
        })
        void the_combined_naming_rule_rejects_every_case(String fixture, String offender) {
            assertViolated(ArchitectureRules.NAMING, Fixtures.in(fixture), offender);
        }

        @Test
        void accepts_use_case_service_sealed_result_package_private_adapter_and_mapstruct_impl() {
            JavaClasses good = Fixtures.in("naming.good");
            assertSatisfied(ArchitectureRules.NO_IMPL_SUFFIX, good);
            assertSatisfied(ArchitectureRules.ADAPTERS_ARE_PACKAGE_PRIVATE, good);
            assertSatisfied(ArchitectureRules.USE_CASES_END_WITH_USE_CASE, good);
            assertSatisfied(ArchitectureRules.USE_CASES_ARE_IMPLEMENTED_BY_SERVICES, good);
            assertSatisfied(ArchitectureRules.NAMING, good);
        }
    }

    @Nested
    class Rule6_domain_does_not_read_the_clock_or_make_ids {

        private final ArchRule rule = ArchitectureRules.DOMAIN_DOES_NOT_READ_CLOCK_OR_MAKE_IDS;

        @ParameterizedTest
        @CsvSource({
                "CallsInstantNow, Instant.now()",
                "CallsLocalDateTimeNow, LocalDateTime.now()",
                "CallsRandomUuid, UUID.randomUUID()",
                "CallsCurrentTimeMillis, System.currentTimeMillis()",
        })
        void rejects_system_time_and_random_ids(String fixture, String call) {
            Class<?> type = switch (fixture) {
                case "CallsInstantNow" -> CallsInstantNow.class;
                case "CallsLocalDateTimeNow" -> CallsLocalDateTimeNow.class;
                case "CallsRandomUuid" -> CallsRandomUuid.class;
                case "CallsCurrentTimeMillis" -> CallsCurrentTimeMillis.class;
                default -> throw new IllegalArgumentException(fixture);
            };
            assertViolated(rule, Fixtures.of(type), fixture, call);
        }

        @Test
        void accepts_an_injected_clock_and_id_generator() {
            assertSatisfied(rule, Fixtures.in("clock.good"));
        }
    }

    @Nested
    class Rule7_packages_are_null_marked {

        private final ArchRule rule = ArchitectureRules.PACKAGES_ARE_NULL_MARKED;

        @Test
        void rejects_a_package_without_package_info() {
            assertViolated(rule, Fixtures.in("packageinfo.missing"), "packageinfo.missing has no compiled package-info");
        }

        @Test
        void rejects_a_package_info_without_null_marked() {
            assertViolated(rule, Fixtures.in("packageinfo.unmarked"), "packageinfo.unmarked is not annotated @NullMarked");
        }

        @Test
        void accepts_a_null_marked_package() {
            assertSatisfied(rule, Fixtures.in("packageinfo.good"));
        }

        @Test
        void leaves_generated_packages_alone() {
            assertSatisfied(rule, Fixtures.in("packageinfo.withgenerated"));
        }
    }

    @Nested
    class Rule8_layers_live_in_their_maven_module {

        private final ArchRule rule = ArchitectureRules.LAYERS_LIVE_IN_THEIR_MAVEN_MODULE;

        @Test
        void rejects_a_domain_package_compiled_in_another_module() {
            assertViolated(rule, Fixtures.in("mavenmodule"),
                    "MisplacedDomainType belongs in Maven module domain but is loaded from architecture-tests");
        }

        @Test
        void accepts_classes_loaded_from_their_own_module() {
            assertSatisfied(rule, Fixtures.of(FlowId.class, NodeId.class, WeatherStationApplication.class));
        }

        @ParameterizedTest
        @CsvSource({
                "io.weatherstation.flow.domain, domain",
                "io.weatherstation.shared.domain, domain",
                "io.weatherstation.flow.domain.graph, domain",
                "io.weatherstation.flow.application, application",
                "io.weatherstation.flow.application.port.in, application",
                "io.weatherstation.flow.adapter.in.web, adapters-in",
                "io.weatherstation.signaling.adapter.out.amqp, adapters-out",
                "io.weatherstation.flow.config, bootstrap",
                "io.weatherstation.config, bootstrap",
                "io.weatherstation, bootstrap",
        })
        void knows_the_module_of_each_layer(String packageName, String module) {
            assertThat(ArchitectureRules.expectedMavenModule(packageName)).contains(module);
        }

        @ParameterizedTest
        @ValueSource(strings = {"io.weatherstation.flow", "io.weatherstation.testing.infra"})
        void leaves_packages_of_no_layer_alone(String packageName) {
            assertThat(ArchitectureRules.expectedMavenModule(packageName)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "file:/w/domain/target/classes/io/weatherstation/shared/domain/FlowId.class, domain",
                "jar:file:/w/adapters-in/target/adapters-in-0.1.0-SNAPSHOT.jar!/io/weatherstation/X.class, adapters-in",
                "jar:file:/w/bootstrap/target/weather-station.jar!/io/weatherstation/WeatherStationApplication.class, bootstrap",
                "jar:file:/m2/io/weatherstation/adapters-out/0.1.0-SNAPSHOT/adapters-out-0.1.0-SNAPSHOT.jar!/io/X.class, adapters-out",
                "file:/w/architecture-tests/target/test-classes/io/weatherstation/X.class, architecture-tests",
        })
        void reads_the_module_off_the_code_source(String location, String module) {
            assertThat(MavenModules.fromLocation(location)).contains(module);
        }
    }
}
