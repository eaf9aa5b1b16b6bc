/** The journal service: records log lines and signals off the hot path, serves pages of them. */
@NullMarked
package io.weatherstation.journal.application;

import org.jspecify.annotations.NullMarked;
