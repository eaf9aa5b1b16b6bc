package io.weatherstation.execution.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.execution.application.port.in.RunCleanupUseCase;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin", description = "Operator actions")
class AdminController {

    private final RunCleanupUseCase cleanup;

    AdminController(RunCleanupUseCase cleanup) {
        this.cleanup = cleanup;
    }

    @PostMapping("/cleanup")
    @Operation(summary = "Run the housekeeping pass now (it also runs hourly)")
    CleanupResponse cleanUp() {
        RunCleanupUseCase.CleanupReport report = cleanup.cleanUp();
        return new CleanupResponse(report.expiredTaskIds(), report.deadWorkerTaskLists(), report.trimmedCycles(),
                report.expiredFlags(), report.journalEntriesRemoved());
    }

    record CleanupResponse(
            @JsonProperty("expired_task_ids") long expiredTaskIds,
            @JsonProperty("dead_worker_task_lists") long deadWorkerTaskLists,
            @JsonProperty("trimmed_cycles") long trimmedCycles,
            @JsonProperty("expired_termination_flags") long expiredFlags,
            @JsonProperty("journal_entries_removed") long journalEntriesRemoved) {
    }
}
