/**
 * HTTP adapter of the execution slice: cycles, node tasks, isolated node runs, and the reads that
 * combine a flow with its cycles and journal ({@code GET /api/v1/flows/{id}}, its status, logs
 * and signals). They live here because this slice already depends on the flow and journal slices;
 * putting them in either of those would make the slices depend on each other in a circle.
 */
@NullMarked
package io.weatherstation.execution.adapter.in.web;

import org.jspecify.annotations.NullMarked;
