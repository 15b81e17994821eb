package org.tuanjie.platform.seal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * One line of a hash chain's segment in a bundle ({@code chain.jsonl}), as {@code bundle-verifier} reads it: an entry
 * the bundle may show in full (its hashed fields and its hash, so the hash can be recomputed), or anyone else's as its
 * place and links only ({@code seq}, {@code prevHash}, {@code hash}, {@code withheld}).
 */
public final class ChainLine {

    private ChainLine() {
    }

    /** The line, RFC 8785 and a newline, of an entry given as its hashed fields with its {@code hash}. */
    public static byte[] of(ObjectNode entry, boolean inFull) {
        ObjectNode line = entry;
        if (!inFull) {
            line = JsonNodeFactory.instance.objectNode().put("seq", entry.path("seq").asLong())
                    .put("prevHash", entry.path("prevHash").asText()).put("withheld", true)
                    .put("hash", entry.path("hash").asText());
        }
        return (CanonicalJson.of(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
