/** HTTP adapter of the workers slice: the live station instances ({@code /api/v1/workers}). */
@NullMarked
package io.weatherstation.workers.adapter.in.web;

import org.jspecify.annotations.NullMarked;
