/** HTTP adapter of the catalog slice: the node types this station can run ({@code /api/v1/node-types}). */
@NullMarked
package io.weatherstation.catalog.adapter.in.web;

import org.jspecify.annotations.NullMarked;
