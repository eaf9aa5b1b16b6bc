/** Flow registration, lifecycle and scheduling services. */
@NullMarked
package io.weatherstation.flow.application;

import org.jspecify.annotations.NullMarked;
