/**
 * What every slice's HTTP adapter shares: RFC 9457 problem details (one advice, fed by each
 * slice's {@link io.weatherstation.shared.adapter.in.web.ProblemTranslator}), the request body
 * limit, path-id conversion, paging and the OpenAPI description. Depends on no slice.
 */
@NullMarked
package io.weatherstation.shared.adapter.in.web;

import org.jspecify.annotations.NullMarked;
