package org.tuanjie.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;

/**
 * Safe retries of POST for clients on weak networks: the first response to a key is stored and
 * replayed for the same request; the same key with another body is refused (422).
 *
 * <p>The key is claimed, the work done and its response recorded in one transaction, so they
 * commit together or not at all: a database lost half-way leaves neither a write without its
 * record (a retry would write twice) nor a claim without its work (the key would be stuck). A
 * concurrent retry waits on the claim, then replays the first answer, or does the work itself if
 * the first attempt failed.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    /**
     * @param key       the request's {@code Idempotency-Key}, or null to just run the action
     * @param operation what is being done, e.g. {@code POST /units}: a key reused on another operation is a misuse
     * @param request   the parsed request body; equal bodies hash equal, whatever their whitespace
     */
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw new Problems.InvalidInput(new Violation(HEADER, "problem.idempotency-key.invalid"));
        }
        String scopeKey = caller.subject() + " " + key;
        String hash = hash(operation, request);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!claim(scopeKey, hash)) {
                return replay(scopeKey, hash);
            }
            Response response = action.get();
            if (response.getStatus() >= 300) {
                release(scopeKey);
            } else {
                em.flush(); // a write the database refuses is refused before its answer is recorded
                store(scopeKey, response);
            }
            return response;
        });
    }

    /** False when the key is already recorded; waits for a concurrent attempt with it to end first. */
    private boolean claim(String scopeKey, String hash) {
        return em.createNativeQuery("""
                insert into idempotency_record (scope_key, request_hash, state) values (?1, ?2, 'IN_PROGRESS')
                on conflict (scope_key) do nothing""")
                .setParameter(1, scopeKey).setParameter(2, hash).executeUpdate() == 1;
    }

    private Response replay(String scopeKey, String hash) {
        List<?> rows = em.createNativeQuery(
                "select request_hash, state, status, location, body from idempotency_record where scope_key = ?1")
                .setParameter(1, scopeKey).getResultList();
        if (rows.isEmpty()) {
            // released by an attempt that was refused in the meantime: the client may simply retry
            throw new IdempotentRequestInProgress();
        }
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw new IdempotencyKeyReused();
        }
        if (!"DONE".equals(row[1])) {
            throw new IdempotentRequestInProgress();
        }
        Response.ResponseBuilder replayed = Response.status(((Number) row[2]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[3] != null) {
            replayed.header(HttpHeaders.LOCATION, row[3]);
        }
        if (row[4] != null) {
            replayed.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replayed.build();
    }

    private void store(String scopeKey, Response response) {
        String body;
        try {
            body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be stored for replay", e);
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        em.createNativeQuery("""
                update idempotency_record set state = 'DONE', status = ?2, location = ?3, body = ?4
                where scope_key = ?1""")
                .setParameter(1, scopeKey).setParameter(2, response.getStatus())
                .setParameter(3, location == null ? null : location.toString()).setParameter(4, body)
                .executeUpdate();
    }

    private void release(String scopeKey) {
        em.createNativeQuery("delete from idempotency_record where scope_key = ?1 and state = 'IN_PROGRESS'")
                .setParameter(1, scopeKey).executeUpdate();
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("request cannot be hashed", e);
        }
    }

    /** 422: the key was first used for a different request. */
    public static final class IdempotencyKeyReused extends Problems.Unprocessable {
        IdempotencyKeyReused() {
            super("idempotency-key-reused", "problem.idempotency-key-reused.detail");
        }
    }

    /** 409: the first request with this key has not answered yet. */
    public static final class IdempotentRequestInProgress extends Problems.Conflict {
        IdempotentRequestInProgress() {
            super("idempotency-in-progress", "problem.idempotency-in-progress.detail");
        }
    }
}
