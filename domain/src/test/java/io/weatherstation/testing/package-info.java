/**
 * Test fixtures shared with other modules' tests through the domain test-jar.
 */
@NullMarked
package io.weatherstation.testing;

import org.jspecify.annotations.NullMarked;
