package io.weatherstation.flow.adapter.out;

import static io.weatherstation.flow.adapter.out.FlowFixtures.T0;
import static io.weatherstation.flow.adapter.out.FlowFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowStatus;
import io.weatherstation.flow.domain.IllegalFlowTransitionException;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link FlowRepository} does, whatever it stores flows in. */
public abstract class FlowRepositoryContract {

    protected abstract FlowRepository repository();

    @Test
    void a_flow_reads_back_as_it_was_inserted() {
        Flow flow = registered("alpha", T0);

        assertThat(repository().insert(flow)).isTrue();

        Flow found = repository().find(FlowId.of("alpha")).orElseThrow();
        assertSameState(found, flow);
        assertThat(found.lastCycle()).isEmpty();
        assertThat(found.nextExecution()).isEmpty();
    }

    @Test
    void inserting_an_id_twice_keeps_the_first() {
        repository().insert(registered("alpha", T0));
        Flow other = registered("alpha", T0.plusSeconds(5));

        assertThat(repository().insert(other)).isFalse();
        assertThat(repository().find(FlowId.of("alpha")).orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void an_unknown_flow_is_not_found_updated_or_deleted() {
        FlowId ghost = FlowId.of("ghost");

        assertThat(repository().find(ghost)).isEmpty();
        assertThat(repository().update(ghost, Flow::claimNextCycle)).isEmpty();
        assertThat(repository().delete(ghost)).isFalse();
    }

    @Test
    void an_update_is_stored_and_returns_the_change_result() {
        repository().insert(registered("alpha", T0));
        Instant next = T0.plusSeconds(60).plusNanos(250_000_000);

        Optional<CycleNumber> first = repository().update(FlowId.of("alpha"), flow -> {
            flow.start(T0.plusSeconds(1), next);
            return flow.claimNextCycle();
        });

        assertThat(first).contains(CycleNumber.of(0));
        Flow found = repository().find(FlowId.of("alpha")).orElseThrow();
        assertThat(found.status()).isEqualTo(FlowStatus.RUNNING);
        assertThat(found.lastCycle()).contains(CycleNumber.of(0));
        assertThat(found.nextExecution()).contains(next);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void cycle_numbers_count_up_from_zero() {
        repository().insert(registered("alpha", T0));

        List<Long> claimed = List.of(1, 2, 3).stream()
                .map(i -> repository().update(FlowId.of("alpha"), Flow::claimNextCycle).orElseThrow().value())
                .toList();

        assertThat(claimed).containsExactly(0L, 1L, 2L);
    }

    @Test
    void a_change_that_throws_stores_nothing() {
        repository().insert(registered("alpha", T0));

        assertThatThrownBy(() -> repository().update(FlowId.of("alpha"), flow -> {
            flow.claimNextCycle();
            flow.stop(false, T0); // not running: illegal
            return null;
        })).isInstanceOf(IllegalFlowTransitionException.class);

        Flow found = repository().find(FlowId.of("alpha")).orElseThrow();
        assertThat(found.lastCycle()).isEmpty();
        assertThat(found.status()).isEqualTo(FlowStatus.REGISTERED);
    }

    @Test
    void replacing_the_definition_is_stored_with_its_new_version() {
        repository().insert(registered("alpha", T0));
        var replacement = FlowFixtures.document("renamed");

        repository().update(FlowId.of("alpha"), flow -> {
            flow.replaceDefinition(replacement, FlowFixtures.structure(), T0.plusSeconds(9));
            return null;
        });

        Flow found = repository().find(FlowId.of("alpha")).orElseThrow();
        assertThat(found.definitionVersion()).isEqualTo(2);
        assertThat(found.definitionJson().get("name")).isEqualTo("renamed");
    }

    @Test
    void readers_get_their_own_copy() {
        repository().insert(registered("alpha", T0));

        Flow mine = repository().find(FlowId.of("alpha")).orElseThrow();
        mine.claimNextCycle();

        assertThat(repository().find(FlowId.of("alpha")).orElseThrow().lastCycle()).isEmpty();
    }

    @Test
    void all_flows_are_listed_oldest_first_then_by_id() {
        repository().insert(registered("charlie", T0.plusSeconds(10)));
        repository().insert(registered("bravo", T0));
        repository().insert(registered("alpha", T0));

        assertThat(repository().findAll()).extracting(f -> f.id().value()).containsExactly("alpha", "bravo", "charlie");
    }

    @Test
    void a_deleted_flow_is_gone() {
        repository().insert(registered("alpha", T0));

        assertThat(repository().delete(FlowId.of("alpha"))).isTrue();

        assertThat(repository().find(FlowId.of("alpha"))).isEmpty();
        assertThat(repository().findAll()).isEmpty();
        assertThat(repository().insert(registered("alpha", T0))).isTrue();
    }

    protected static void assertSameState(Flow actual, Flow expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(StoredJson.write(actual.definitionJson())).isEqualTo(StoredJson.write(expected.definitionJson()));
        assertThat(actual.structure()).isEqualTo(expected.structure());
        assertThat(actual.definitionVersion()).isEqualTo(expected.definitionVersion());
        assertThat(actual.lastCycle()).isEqualTo(expected.lastCycle());
        assertThat(actual.nextExecution()).isEqualTo(expected.nextExecution());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
    }
}
