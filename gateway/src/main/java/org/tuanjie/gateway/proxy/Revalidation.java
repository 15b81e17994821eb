package org.tuanjie.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * A phone on a weak network asks again for what it holds: every JSON answer to a GET carries an {@code ETag} (the
 * service's version of a single resource, or else a weak tag of the body, for list pages and views), and a request
 * whose {@code If-None-Match} names it gets 304 without the body. The body was read whole already (small answers are
 * relayed whole), so the tag costs one digest and no extra round trip to the service.
 */
final class Revalidation {

    private Revalidation() {
    }

    /**
     * Tags the answer about to be sent for {@code request}, and turns it into a 304 when the caller holds it already.
     *
     * @return whether the answer is now a 304, to be ended without the body
     */
    static boolean notModified(HttpServerRequest request, HttpServerResponse response, Buffer body) {
        if (!taggable(request, response)) {
            return false;
        }
        String tag = response.headers().get("ETag");
        if (tag == null) {
            tag = weakTagOf(body);
            response.putHeader("ETag", tag);
        }
        if (!response.headers().contains("Cache-Control")) {
            // the caller's own data: kept by its browser only, and asked again (cheaply, with the tag) before use
            response.putHeader("Cache-Control", "private, no-cache");
        }
        if (!matches(request.getHeader("If-None-Match"), tag)) {
            return false;
        }
        response.setStatusCode(304).setStatusMessage("Not Modified");
        response.headers().remove("Content-Length").remove("Content-Type");
        return true;
    }

    /** Whether the answer about to be sent is a JSON read, tagged and revalidated here. */
    static boolean taggable(HttpServerRequest request, HttpServerResponse response) {
        return request.method() == HttpMethod.GET && response.getStatusCode() == 200
                && json(response.headers().get("Content-Type"));
    }

    /** A weak tag of the body: the same bytes, the same tag (the first 128 bits of their SHA-256). */
    static String weakTagOf(Buffer body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 13.1.2: weak comparison of each listed tag, or {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json");
    }
}
