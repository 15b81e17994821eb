package org.tuanjie.platform.chain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.tuanjie.platform.seal.ChainLine;
import org.tuanjie.platform.seal.SealedZip;

/**
 * The part of a hash chain a bundle covering a period carries, chosen when the bundle begins: the checkpoints that
 * anchor the period (the last one made before it, every one made since until the bundle began), and the links from the first of them
 * (else the chain's start) to the chain's head. The anchor is chosen before the head, so every checkpoint listed is of a
 * link the segment reaches. Checkpoints and links are read a page at a time as they are written: a period of years
 * holds tens of thousands of checkpoints.
 */
public record ChainSegment(HashChain chain, Instant since, Optional<HashChain.Checkpoint> anchor, long lastCheckpoint,
        long from, long head) {

    /**
     * Links what is waiting, then chooses the segment of a period starting at {@code since}: its checkpoints (those made
     * until now, whatever the chain holds now: one past its end shows it was cut), then its head.
     */
    public static ChainSegment of(HashChain chain, Instant since) {
        chain.linkAll();
        Optional<HashChain.Checkpoint> anchor = chain.lastCheckpointBefore(since);
        long lastCheckpoint = chain.lastCheckpointSeq();
        long head = chain.length();
        return new ChainSegment(chain, since, anchor, lastCheckpoint, anchor.map(HashChain.Checkpoint::seq).orElse(1L), head);
    }

    /**
     * Writes {@code folder/checkpoints.json} and {@code folder/chain.jsonl}: the links of units under
     * {@code unitPath} in full (their hashes recomputable), anyone else's as their place and links only.
     */
    public void write(SealedZip zip, String folder, String unitPath, ObjectMapper json) throws IOException {
        zip.add(folder + "checkpoints.json", out -> {
            // the entry's stream ignores close: the generator flushes into it and the ZIP goes on
            try (JsonGenerator array = json.createGenerator(out)) {
                array.writeStartArray();
                if (anchor.isPresent()) {
                    array.writeObject(ChainViews.CheckpointView.of(anchor.get()));
                }
                chain.checkpointsSince(since, lastCheckpoint, page -> {
                    for (HashChain.Checkpoint checkpoint : page) {
                        array.writeObject(ChainViews.CheckpointView.of(checkpoint));
                    }
                });
                array.writeEndArray();
            }
        });
        zip.add(folder + "chain.jsonl", out -> chain.links(from, head, links -> {
            for (HashChain.Link link : links) {
                out.write(ChainLine.of(link.fields(), link.unitPath() != null && link.unitPath().startsWith(unitPath)));
            }
        }));
    }
}
