/**
 * Journal: execution logs and signal history, with retention.
 */
@ApplicationModule(displayName = "Journal")
@NullMarked
package io.weatherstation.journal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
