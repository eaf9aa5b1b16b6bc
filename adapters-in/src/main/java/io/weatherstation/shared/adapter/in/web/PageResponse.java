package io.weatherstation.shared.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a longer list: {@code {"items": […], "pagination": {total, limit, offset, has_more}}}. */
public record PageResponse<T>(List<T> items, Pagination pagination) {

    public PageResponse {
        items = List.copyOf(items);
    }

    public static <T> PageResponse<T> of(List<T> items, long total, int limit, int offset) {
        return new PageResponse<>(items, new Pagination(total, limit, offset, offset + items.size() < total));
    }

    /** Where this page lies in the whole: {@code has_more} when items follow it. */
    public record Pagination(long total, int limit, int offset, @JsonProperty("has_more") boolean hasMore) {
    }
}
