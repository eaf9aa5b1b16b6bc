/**
 * The built-in node types. Each class carries {@code @NodeType} and is discovered at start-up.
 */
@NullMarked
package io.weatherstation.catalog.adapter.out.nodes;

import org.jspecify.annotations.NullMarked;
