/**
 * HTTP adapter of the original engine's API (docs/compatibility-api.md): its routes, request
 * fields and snake_case response shapes, over the native use cases. Nothing here decides
 * anything the native API would decide differently; the original's defects are not reproduced.
 */
@NullMarked
package io.weatherstation.compat.adapter.in.web;

import org.jspecify.annotations.NullMarked;
