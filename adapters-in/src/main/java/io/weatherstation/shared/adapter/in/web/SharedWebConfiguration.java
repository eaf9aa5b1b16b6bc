package io.weatherstation.shared.adapter.in.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.weatherstation.shared.domain.CycleNumber;
import io.weatherstation.shared.domain.FlowId;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP plumbing shared by every slice: typed ids in paths ({@code @PathVariable FlowId}), the
 * request body limit and the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class SharedWebConfiguration implements WebMvcConfigurer {

    /** Path segments convert through the ids' own validation; a bad one is a 400 {@code invalid_id}. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, FlowId.class, FlowId::of);
        registry.addConverter(String.class, CycleNumber.class, CycleNumber::parse);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${station.http.max-body-bytes:1048576}") long maxBodyBytes,
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodyBytes, resolver::getObject));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    OpenAPI stationOpenApi(@Value("${spring.application.name:weather-station}") String name) {
        return new OpenAPI().info(new Info()
                .title("Weather Station API")
                .version("v1")
                .description("""
                        The native HTTP API of Weather Station (%s), the workflow engine for trading automation: \
                        register flows written in Weather Syntax, start and stop them, follow their cycles, node \
                        tasks, logs and signals, browse the node catalog and try a node in isolation. Native \
                        routes live under /api/v1 (group 'native'); the original Station API's routes are served \
                        at the root paths it used (group 'compat', docs/compatibility-api.md). Errors are RFC 9457 \
                        problem details (application/problem+json) with a machine-readable 'code'.""".formatted(name)));
    }

    /** The versioned native API: {@code /v3/api-docs/native}. */
    @Bean
    GroupedOpenApi nativeApi() {
        return GroupedOpenApi.builder().group("native").displayName("Native API (/api/v1)")
                .pathsToMatch("/api/v1/**").build();
    }

    /** The original engine's routes at the root: {@code /v3/api-docs/compat}. */
    @Bean
    GroupedOpenApi compatApi() {
        return GroupedOpenApi.builder().group("compat").displayName("Compatibility API (original Station routes)")
                .pathsToMatch("/flows/**", "/nodes/**").build();
    }

    static final String PROBLEM_SCHEMA = "Problem";

    /** Every operation can fail with a problem detail: documented once, as the default response. */
    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    operation.getResponses().addApiResponse("default", problemResponse())));
        };
    }

    private static ApiResponse problemResponse() {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        return new ApiResponse()
                .description("An RFC 9457 problem detail; 'code' says which (invalid_flow_definition, malformed_json, "
                        + "too_large, invalid_id, invalid_parameter, flow_not_found, cycle_not_found, "
                        + "node_task_not_found, node_type_not_found, illegal_transition, cycle_refused, "
                        + "invalid_node_config, …)")
                .content(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem));
    }

    private static Schema<?> problemSchema() {
        Schema<?> validationProblem = new ObjectSchema()
                .addProperty("pointer", new StringSchema().description("JSON pointer into the request body"))
                .addProperty("code", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem detail")
                .addProperty("type", new StringSchema().description("urn:weather-station:problem:{code}"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("machine-readable; never renamed"))
                .addProperty("problems", new ArraySchema().items(validationProblem)
                        .description("every problem with the submitted document (validation errors only)"));
    }
}
