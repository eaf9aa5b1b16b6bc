package io.weatherstation.catalog.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.weatherstation.catalog.adapter.in.web.NodeTypeResponses.NodeTypeListResponse;
import io.weatherstation.catalog.adapter.in.web.NodeTypeResponses.NodeTypeResponse;
import io.weatherstation.catalog.application.NodeTypeNotFoundException;
import io.weatherstation.catalog.domain.NodeTypeCatalog;
import io.weatherstation.catalog.domain.NodeTypeDescriptor;
import io.weatherstation.shared.adapter.in.web.RequestParameters;
import java.util.Comparator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the node catalog: types, handles and parameter schemas. */
@RestController
@RequestMapping("/api/v1/node-types")
@Tag(name = "Node types", description = "The catalog of node types this station can run")
class NodeTypeController {

    private final NodeTypeCatalog catalog;

    NodeTypeController(NodeTypeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List every node type with its inputs, outputs and parameters")
    NodeTypeListResponse list() {
        return new NodeTypeListResponse(catalog.all().stream()
                .sorted(Comparator.comparing(NodeTypeDescriptor::type))
                .map(NodeTypeResponse::of)
                .toList());
    }

    @GetMapping("/{type}")
    @Operation(summary = "One node type")
    NodeTypeResponse one(@PathVariable String type) {
        RequestParameters.identifier("node type", type);
        return catalog.find(type).map(NodeTypeResponse::of).orElseThrow(() -> new NodeTypeNotFoundException(type));
    }
}
