/**
 * The embedded mode's execution state and transport: cycles, tasks, inboxes and termination
 * flags in memory (bounded by cycle retention), an in-process task dispatcher on virtual threads
 * and an in-process signal bus.
 */
@NullMarked
package io.weatherstation.execution.adapter.out.memory;

import org.jspecify.annotations.NullMarked;
