/** The Weather Station application root. */
@NullMarked
package io.weatherstation;

import org.jspecify.annotations.NullMarked;
