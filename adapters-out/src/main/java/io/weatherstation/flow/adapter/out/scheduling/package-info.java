/** Timers and cron evaluation for the scheduler. */
@NullMarked
package io.weatherstation.flow.adapter.out.scheduling;

import org.jspecify.annotations.NullMarked;
