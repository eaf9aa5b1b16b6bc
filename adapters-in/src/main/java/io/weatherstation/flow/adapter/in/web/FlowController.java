package io.weatherstation.flow.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.flow.adapter.in.json.WeatherSyntaxJson;
import io.weatherstation.flow.adapter.in.web.FlowResponses.FlowListResponse;
import io.weatherstation.flow.adapter.in.web.FlowResponses.FlowRegistrationResponse;
import io.weatherstation.flow.adapter.in.web.FlowResponses.FlowSummaryResponse;
import io.weatherstation.flow.application.port.in.ControlFlowUseCase;
import io.weatherstation.flow.application.port.in.QueryFlowsUseCase;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.RegisterFlowCommand;
import io.weatherstation.flow.application.port.in.RegisterFlowUseCase.Registration;
import io.weatherstation.flow.domain.Flow;
import io.weatherstation.flow.domain.InvalidFlowDefinitionException;
import io.weatherstation.flow.domain.ProblemCodes;
import io.weatherstation.shared.domain.FlowId;
import java.net.URI;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers flows and drives their lifecycle. */
@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "Flows", description = "Register Weather Syntax flows, start, stop and delete them")
class FlowController {

    private final RegisterFlowUseCase register;
    private final ControlFlowUseCase control;
    private final QueryFlowsUseCase flows;
    private final WeatherSyntaxJson json;

    FlowController(RegisterFlowUseCase register, ControlFlowUseCase control, QueryFlowsUseCase flows, WeatherSyntaxJson json) {
        this.register = register;
        this.control = control;
        this.flows = flows;
        this.json = json;
    }

    @PostMapping(path = "/{flowId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a flow, or replace its definition",
            description = "201 when the flow is new, 200 when an existing flow's definition was replaced (its "
                    + "status, schedule and last_cycle are kept). A rejected definition changes nothing and "
                    + "lists every problem.")
    @ApiResponse(responseCode = "201", description = "registered")
    @ApiResponse(responseCode = "200", description = "definition replaced")
    ResponseEntity<FlowRegistrationResponse> register(@PathVariable FlowId flowId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The flow in Weather Syntax",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "Weather Syntax document")))
            @RequestBody(required = false) byte @Nullable [] body) {
        Object definition = json.readTree(body == null ? new byte[0] : body);
        if (definition == null) {
            throw InvalidFlowDefinitionException.of("", ProblemCodes.INVALID_TYPE,
                    "the body must be a JSON object (a Weather Syntax document), got null");
        }
        Registration registration = register.register(new RegisterFlowCommand(flowId, definition));
        FlowRegistrationResponse response = FlowMapper.registration(registration.flow());
        if (registration.replaced()) {
            return ResponseEntity.ok(response);
        }
        return ResponseEntity.created(URI.create("/api/v1/flows/" + flowId.value())).body(response);
    }

    @PostMapping("/{flowId}/start")
    @Operation(summary = "Start a flow's schedule; its first cycle starts now")
    FlowSummaryResponse start(@PathVariable FlowId flowId) {
        return FlowMapper.summary(control.start(flowId));
    }

    @PostMapping("/{flowId}/stop")
    @Operation(summary = "Stop a flow's schedule",
            description = "With terminate=true the unfinished tasks of running cycles are terminated too; "
                    + "otherwise they run to their end.")
    FlowSummaryResponse stop(@PathVariable FlowId flowId,
            @RequestParam(name = "terminate", defaultValue = "false") boolean terminate) {
        return FlowMapper.summary(control.stop(flowId, terminate));
    }

    @DeleteMapping("/{flowId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a flow and all of its state; what still runs is terminated")
    void delete(@PathVariable FlowId flowId) {
        control.delete(flowId);
    }

    @GetMapping
    @Operation(summary = "List the registered flows")
    FlowListResponse list() {
        return new FlowListResponse(flows.all().stream()
                .sorted(Comparator.comparing(Flow::id))
                .map(FlowMapper::summary)
                .toList());
    }
}
