package io.weatherstation.flow.application;

import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.out.FlowRepository;
import io.weatherstation.flow.domain.CronSyntax;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.FlowDefinition;
import io.weatherstation.flow.domain.FlowLimits;
import io.weatherstation.flow.domain.WeatherSyntax;
import io.weatherstation.shared.domain.FlowId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads flows; parses a stored definition once per definition version (the stored document is
 * the source of truth, the parsed form a cache).
 */
public final class FlowQueryService implements QueryFlowsUseCase {

    private final FlowRepository flows;
    private final NodeTypeCatalog catalog;
    private final CronSyntax cron;
    private final FlowLimits limits;
    private final Map<FlowId, LoadedFlow> parsed = new ConcurrentHashMap<>();

    public FlowQueryService(FlowRepository flows, NodeTypeCatalog catalog, CronSyntax cron, FlowLimits limits) {
        this.flows = flows;
        this.catalog = catalog;
        this.cron = cron;
        this.limits = limits;
    }

    @Override
    public Optional<Flow> find(FlowId flowId) {
        return flows.find(flowId);
    }

    @Override
    public List<Flow> all() {
        return flows.findAll();
    }

    @Override
    public Optional<LoadedFlow> load(FlowId flowId) {
        Optional<Flow> stored = flows.find(flowId);
        if (stored.isEmpty()) {
            parsed.remove(flowId);
            return Optional.empty();
        }
        Flow flow = stored.get();
        LoadedFlow cached = parsed.get(flowId);
        if (cached != null && cached.flow().definitionVersion() == flow.definitionVersion()) {
            return Optional.of(new LoadedFlow(flow, cached.definition()));
        }
        FlowDefinition definition = WeatherSyntax.read(flow.definitionJson(), catalog, cron, limits);
        LoadedFlow loaded = new LoadedFlow(flow, definition);
        parsed.put(flowId, loaded);
        return Optional.of(loaded);
    }

    /** Parses a submitted document (registration). */
    FlowDefinition parse(Object document) {
        return WeatherSyntax.read(document, catalog, cron, limits);
    }

    void evict(FlowId flowId) {
        parsed.remove(flowId);
    }
}
