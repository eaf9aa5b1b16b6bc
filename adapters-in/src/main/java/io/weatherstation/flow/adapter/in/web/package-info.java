/**
 * HTTP adapter of the flow slice ({@code /api/v1/flows}): registration, lifecycle and the flow
 * list. Reads that combine a flow with its cycles live in the execution slice's web adapter,
 * which already depends on this slice.
 */
@NullMarked
package io.weatherstation.flow.adapter.in.web;

import org.jspecify.annotations.NullMarked;
