package org.tuanjie.platform.concurrency;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.problem.Problems;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version, and every change must
 * name the version it was made against ({@code If-Match}), so two clerks editing one unit cannot
 * silently overwrite each other.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the resource and its ETag. */
    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(version)).build();
    }

    /** 201 with the new resource, where it lives, and its ETag. */
    public static Response created(URI location, Object body, long version) {
        return Response.created(location).tag(etag(version)).entity(body).build();
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws Problems.PreconditionRequired 428 when the header is missing
     * @throws Problems.PreconditionFailed   412 when it names no version we could have issued
     */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Problems.PreconditionRequired();
        }
        String tag = ifMatch.trim();
        // weak tags never match under the strong comparison If-Match uses (RFC 9110 13.1.1)
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"") || tag.contains(",")) {
            throw new Problems.PreconditionFailed("?");
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw new Problems.PreconditionFailed("?");
        }
    }

    /** @throws Problems.PreconditionFailed when the stored version moved on */
    public static void check(long expected, long current) {
        if (expected != current) {
            throw new Problems.PreconditionFailed(Long.toString(current));
        }
    }
}
