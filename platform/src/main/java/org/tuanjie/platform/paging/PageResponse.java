package org.tuanjie.platform.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Wire form of a page: the items, and the cursor of the next page (also sent as
 * {@code Link: <...>; rel="next"}). No totals: counting a province-sized table on every page
 * is what keyset paging avoids.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageResponse<T>(
        @Schema(maxItems = PageResponse.MAX_LIMIT) List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page", maxLength = Cursor.MAX_LENGTH) String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static <T> RestResponse<PageResponse<T>> ok(Page<T> page, UriInfo uri) {
        String next = page.next().map(Cursor::encode).orElse(null);
        RestResponse.ResponseBuilder<PageResponse<T>> response = RestResponse.ResponseBuilder.ok(new PageResponse<>(page.items(), next));
        if (next != null) {
            String link = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build().toString();
            response.header("Link", "<" + link + ">; rel=\"next\"");
        }
        return response.build();
    }
}
