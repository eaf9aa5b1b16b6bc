package io.weatherstation.flow.application.port.out;

import io.weatherstation.flow.domain.Flow;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where flows live ({@code flow:{flow_id}} in the distributed mode). */
public interface FlowRepository {

    Optional<Flow> find(FlowId id);

    List<Flow> findAll();

    /** Stores a newly registered flow; false when a flow with that id already exists. */
    boolean insert(Flow flow);

    /**
     * Loads the flow, applies {@code change} and stores the result, atomically with respect to
     * every other update of the same flow (on every instance). The change may throw a domain
     * exception, in which case nothing is stored. Empty when the flow does not exist.
     */
    <R> Optional<R> update(FlowId id, Function<Flow, R> change);

    /** Removes the flow; false when there was none. */
    boolean delete(FlowId id);
}
