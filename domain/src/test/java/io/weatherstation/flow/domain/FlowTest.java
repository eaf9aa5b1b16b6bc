package io.weatherstation.flow.domain;

import static io.weatherstation.flow.domain.StructureAnalyzerTest.edge;
import static io.weatherstation.flow.domain.StructureAnalyzerTest.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FlowTest {

    private static final FlowId ID = FlowId.of("btc_momentum");
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private static final FlowStructure STRUCTURE = StructureAnalyzer.analyze(
            nodes("price", "signal", "buy"), List.of(edge("price", "signal"), edge("signal", "buy")));
    private static final FlowStructure OTHER_STRUCTURE = StructureAnalyzer.analyze(
            nodes("price", "notify"), List.of());

    private static Map<String, Object> definition(String name) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", name);
        document.put("interval", 60);
        document.put("nodes", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("id", "price")))));
        return document;
    }

    private static Flow registered() {
        Flow flow = Flow.register(ID, definition("BTC momentum"), STRUCTURE, T0);
        flow.pullEvents();
        return flow;
    }

    private static Flow inStatus(FlowStatus status) {
        return Flow.rehydrate(ID, status, definition("BTC momentum"), STRUCTURE, 1, null, null, T0, T0);
    }

    @Nested
    class Registering {

        @Test
        void a_new_flow_is_registered_with_version_one_and_no_cycle() {
            Flow flow = Flow.register(ID, definition("BTC momentum"), STRUCTURE, T0);

            assertThat(flow.id()).isEqualTo(ID);
            assertThat(flow.status()).isEqualTo(FlowStatus.REGISTERED);
            assertThat(flow.definitionVersion()).isEqualTo(1);
            assertThat(flow.structure()).isEqualTo(STRUCTURE);
            assertThat(flow.definitionJson()).containsEntry("name", "BTC momentum");
            assertThat(flow.lastCycle()).isEmpty();
            assertThat(flow.nextExecution()).isEmpty();
            assertThat(flow.createdAt()).isEqualTo(T0);
            assertThat(flow.updatedAt()).isEqualTo(T0);
        }

        @Test
        void registering_records_flow_registered() {
            Flow flow = Flow.register(ID, definition("BTC momentum"), STRUCTURE, T0);

            assertThat(flow.pullEvents()).containsExactly(new FlowRegistered(ID, 1, 1, T0));
        }

        @Test
        void a_flow_with_a_directed_cycle_cannot_be_registered() {
            FlowStructure cyclic = StructureAnalyzer.analyze(nodes("a", "b"), List.of(edge("a", "b"), edge("b", "a")));

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Flow.register(ID, definition("loop"), cyclic, T0))
                    .withMessageContaining("a → b → a");
        }

        @Test
        void a_flow_without_nodes_cannot_be_registered() {
            FlowStructure empty = StructureAnalyzer.analyze(List.of(), List.of());

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Flow.register(ID, definition("empty"), empty, T0))
                    .withMessageContaining("no nodes");
        }

        @Test
        void the_stored_definition_cannot_be_changed_from_outside() {
            Map<String, Object> document = definition("BTC momentum");
            Flow flow = Flow.register(ID, document, STRUCTURE, T0);

            document.put("name", "changed");
            @SuppressWarnings("unchecked")
            List<Object> callerNodes = (List<Object>) document.get("nodes");
            callerNodes.clear();

            assertThat(flow.definitionJson()).containsEntry("name", "BTC momentum");
            assertThat((List<?>) flow.definitionJson().get("nodes")).hasSize(1);
            assertThatThrownBy(() -> flow.definitionJson().put("name", "x"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<?>) flow.definitionJson().get("nodes")).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void the_stored_definition_keeps_key_order_and_json_nulls() {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("z", 1);
            document.put("a", null);
            document.put("m", List.of());

            Flow flow = Flow.register(ID, document, STRUCTURE, T0);

            assertThat(List.copyOf(flow.definitionJson().keySet())).isEqualTo(List.of("z", "a", "m"));
            assertThat(flow.definitionJson()).containsEntry("a", null);
        }

        @Test
        void rehydrating_records_no_event() {
            Flow flow = Flow.rehydrate(ID, FlowStatus.RUNNING, definition("x"), STRUCTURE, 4,
                    CycleNumber.of(41), T1, T0, T1);

            assertThat(flow.pullEvents()).isEmpty();
            assertThat(flow.status()).isEqualTo(FlowStatus.RUNNING);
            assertThat(flow.definitionVersion()).isEqualTo(4);
            assertThat(flow.lastCycle()).contains(CycleNumber.of(41));
            assertThat(flow.nextExecution()).contains(T1);
            assertThat(flow.createdAt()).isEqualTo(T0);
            assertThat(flow.updatedAt()).isEqualTo(T1);
        }

        @Test
        void a_stored_definition_version_is_at_least_one() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    Flow.rehydrate(ID, FlowStatus.RUNNING, definition("x"), STRUCTURE, 0, null, null, T0, T0));
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void starting_a_registered_flow_makes_it_running_with_its_first_execution() {
            Flow flow = registered();

            flow.start(T1, T2);

            assertThat(flow.status()).isEqualTo(FlowStatus.RUNNING);
            assertThat(flow.nextExecution()).contains(T2);
            assertThat(flow.updatedAt()).isEqualTo(T1);
            assertThat(flow.pullEvents()).containsExactly(new FlowStarted(ID, FlowStatus.REGISTERED, T2, T1));
        }

        @Test
        void a_flow_can_be_started_without_a_first_execution_time() {
            Flow flow = registered();

            flow.start(T1, null);

            assertThat(flow.nextExecution()).isEmpty();
            assertThat(flow.pullEvents()).containsExactly(new FlowStarted(ID, FlowStatus.REGISTERED, null, T1));
        }

        @Test
        void stopping_a_running_flow_clears_its_schedule_and_records_the_terminate_flag() {
            Flow flow = registered();
            flow.start(T1, T1);
            flow.pullEvents();

            flow.stop(true, T2);

            assertThat(flow.status()).isEqualTo(FlowStatus.STOPPED);
            assertThat(flow.nextExecution()).isEmpty();
            assertThat(flow.updatedAt()).isEqualTo(T2);
            assertThat(flow.pullEvents()).containsExactly(new FlowStopped(ID, true, T2));
        }

        @Test
        void a_stop_without_termination_is_recorded_as_such() {
            Flow flow = inStatus(FlowStatus.RUNNING);

            flow.stop(false, T1);

            assertThat(flow.pullEvents()).containsExactly(new FlowStopped(ID, false, T1));
        }

        @Test
        void a_stopped_flow_can_be_started_again() {
            Flow flow = inStatus(FlowStatus.STOPPED);

            flow.start(T1, T2);

            assertThat(flow.status()).isEqualTo(FlowStatus.RUNNING);
            assertThat(flow.pullEvents()).containsExactly(new FlowStarted(ID, FlowStatus.STOPPED, T2, T1));
        }

        @Test
        void a_running_run_once_flow_completes() {
            Flow flow = inStatus(FlowStatus.RUNNING);
            flow.claimNextCycle();

            flow.complete(T1);

            assertThat(flow.status()).isEqualTo(FlowStatus.COMPLETED);
            assertThat(flow.nextExecution()).isEmpty();
            assertThat(flow.pullEvents()).containsExactly(new FlowCompleted(ID, CycleNumber.FIRST, T1));
        }

        @Test
        void a_completed_flow_can_be_started_again() {
            Flow flow = inStatus(FlowStatus.COMPLETED);

            flow.start(T1, null);

            assertThat(flow.status()).isEqualTo(FlowStatus.RUNNING);
        }

        @Test
        void a_running_flow_cannot_be_started_again() {
            Flow flow = inStatus(FlowStatus.RUNNING);

            assertThatThrownBy(() -> flow.start(T1, null))
                    .isInstanceOfSatisfying(IllegalFlowTransitionException.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(FlowStatus.RUNNING);
                        assertThat(e.action()).isEqualTo(FlowAction.START);
                        assertThat(e.flowId()).isEqualTo(ID);
                    })
                    .hasMessage("cannot start flow 'btc_momentum': it is running");
        }

        @ParameterizedTest(name = "stop from {0}")
        @EnumSource(value = FlowStatus.class, names = {"REGISTERED", "STOPPED", "COMPLETED"})
        void only_a_running_flow_can_be_stopped(FlowStatus status) {
            assertForbidden(status, FlowAction.STOP, flow -> flow.stop(false, T1));
        }

        @ParameterizedTest(name = "complete from {0}")
        @EnumSource(value = FlowStatus.class, names = {"REGISTERED", "STOPPED", "COMPLETED"})
        void only_a_running_flow_can_complete(FlowStatus status) {
            assertForbidden(status, FlowAction.COMPLETE, flow -> flow.complete(T1));
        }

        @ParameterizedTest(name = "schedule from {0}")
        @EnumSource(value = FlowStatus.class, names = {"REGISTERED", "STOPPED", "COMPLETED"})
        void only_a_running_flow_can_be_scheduled(FlowStatus status) {
            assertForbidden(status, FlowAction.SCHEDULE_NEXT, flow -> flow.scheduleNext(T2));
        }

        @Test
        void a_running_flow_moves_its_next_execution_forward() {
            Flow flow = inStatus(FlowStatus.RUNNING);

            flow.scheduleNext(T1);
            flow.scheduleNext(T2);

            assertThat(flow.nextExecution()).contains(T2);
            assertThat(flow.pullEvents()).isEmpty();
        }

        private void assertForbidden(FlowStatus status, FlowAction action, Consumer<Flow> attempt) {
            Flow flow = inStatus(status);

            assertThatThrownBy(() -> attempt.accept(flow))
                    .isInstanceOfSatisfying(IllegalFlowTransitionException.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(status);
                        assertThat(e.action()).isEqualTo(action);
                    })
                    .hasMessageContaining("btc_momentum")
                    .hasMessageContaining(status.code())
                    .hasMessageContaining(action.code());
            assertThat(flow.status()).as("status unchanged").isEqualTo(status);
            assertThat(flow.updatedAt()).as("updated_at unchanged").isEqualTo(T0);
            assertThat(flow.pullEvents()).as("no event").isEmpty();
        }
    }

    @Nested
    class ReplacingTheDefinition {

        @ParameterizedTest(name = "replace while {0}")
        @EnumSource(FlowStatus.class)
        void is_allowed_in_every_status_and_keeps_status_cycle_schedule_and_creation_time(FlowStatus status) {
            Instant next = status == FlowStatus.RUNNING ? T2 : null;
            Flow flow = Flow.rehydrate(ID, status, definition("old"), STRUCTURE, 3, CycleNumber.of(7), next, T0, T0);

            flow.replaceDefinition(definition("new"), OTHER_STRUCTURE, T1);

            assertThat(flow.status()).isEqualTo(status);
            assertThat(flow.lastCycle()).contains(CycleNumber.of(7));
            assertThat(flow.nextExecution()).isEqualTo(java.util.Optional.ofNullable(next));
            assertThat(flow.createdAt()).isEqualTo(T0);
            assertThat(flow.updatedAt()).isEqualTo(T1);
            assertThat(flow.definitionVersion()).isEqualTo(4);
            assertThat(flow.definitionJson()).containsEntry("name", "new");
            assertThat(flow.structure()).isEqualTo(OTHER_STRUCTURE);
            assertThat(flow.pullEvents()).containsExactly(new FlowDefinitionReplaced(ID, 4, status, 2, T1));
        }

        @Test
        void cycle_numbers_continue_after_a_replace() {
            Flow flow = registered();
            flow.claimNextCycle();
            flow.claimNextCycle();

            flow.replaceDefinition(definition("new"), OTHER_STRUCTURE, T1);

            assertThat(flow.claimNextCycle()).isEqualTo(CycleNumber.of(2));
        }

        @Test
        void a_replacement_with_a_directed_cycle_is_refused_and_changes_nothing() {
            Flow flow = registered();
            FlowStructure cyclic = StructureAnalyzer.analyze(nodes("a"), List.of(edge("a", "a")));

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> flow.replaceDefinition(definition("loop"), cyclic, T1));
            assertThat(flow.definitionVersion()).isEqualTo(1);
            assertThat(flow.structure()).isEqualTo(STRUCTURE);
            assertThat(flow.definitionJson()).containsEntry("name", "BTC momentum");
            assertThat(flow.pullEvents()).isEmpty();
        }
    }

    @Nested
    class Cycles {

        @Test
        void the_first_cycle_is_zero_and_each_claim_takes_the_next_number() {
            Flow flow = registered();

            assertThat(Stream.generate(flow::claimNextCycle).limit(4))
                    .containsExactly(CycleNumber.of(0), CycleNumber.of(1), CycleNumber.of(2), CycleNumber.of(3));
            assertThat(flow.lastCycle()).contains(CycleNumber.of(3));
        }

        @Test
        void a_rehydrated_flow_continues_after_its_stored_last_cycle() {
            Flow flow = Flow.rehydrate(ID, FlowStatus.RUNNING, definition("x"), STRUCTURE, 1,
                    CycleNumber.of(41), null, T0, T0);

            assertThat(flow.claimNextCycle()).isEqualTo(CycleNumber.of(42));
            assertThat(flow.lastCycle()).contains(CycleNumber.of(42));
        }

        @Test
        void cycle_numbers_are_not_reused_across_stop_and_start() {
            Flow flow = registered();
            flow.start(T0, T0);
            CycleNumber before = flow.claimNextCycle();
            flow.stop(true, T1);
            flow.start(T2, T2);

            assertThat(flow.claimNextCycle()).isGreaterThan(before);
        }

        @ParameterizedTest(name = "claim while {0}")
        @EnumSource(FlowStatus.class)
        void a_manual_cycle_can_be_claimed_in_any_status(FlowStatus status) {
            assertThat(inStatus(status).claimNextCycle()).isEqualTo(CycleNumber.FIRST);
        }
    }

    @Nested
    class Events {

        @Test
        void events_are_pulled_in_order_and_then_cleared() {
            Flow flow = Flow.register(ID, definition("x"), STRUCTURE, T0);
            flow.start(T1, T1.plus(Duration.ofMinutes(1)));
            flow.stop(false, T2);

            List<FlowEvent> events = flow.pullEvents();

            assertThat(events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("FlowRegistered", "FlowStarted", "FlowStopped");
            assertThat(events).extracting(FlowEvent::flowId).containsOnly(ID);
            assertThat(events).extracting(FlowEvent::occurredAt).containsExactly(T0, T1, T2);
            assertThat(flow.pullEvents()).isEmpty();
        }
    }

    @Nested
    class Statuses {

        static Stream<Arguments> allowedTransitions() {
            return Stream.of(
                    Arguments.of(FlowStatus.REGISTERED, EnumSet.of(FlowStatus.RUNNING)),
                    Arguments.of(FlowStatus.RUNNING, EnumSet.of(FlowStatus.STOPPED, FlowStatus.COMPLETED)),
                    Arguments.of(FlowStatus.STOPPED, EnumSet.of(FlowStatus.RUNNING)),
                    Arguments.of(FlowStatus.COMPLETED, EnumSet.of(FlowStatus.RUNNING)));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("allowedTransitions")
        void each_status_allows_exactly_its_transitions(FlowStatus from, Set<FlowStatus> allowed) {
            for (FlowStatus to : FlowStatus.values()) {
                assertThat(from.canTransitionTo(to)).as("%s → %s", from, to).isEqualTo(allowed.contains(to));
            }
        }

        @ParameterizedTest
        @EnumSource(FlowStatus.class)
        void the_stored_code_is_the_lower_case_name_and_reads_back(FlowStatus status) {
            assertThat(status.code()).isEqualTo(status.name().toLowerCase());
            assertThat(FlowStatus.fromCode(status.code())).isEqualTo(status);
        }

        @Test
        void an_unknown_stored_code_is_rejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> FlowStatus.fromCode("waiting_next_cycle"));
        }
    }
}
