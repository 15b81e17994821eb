package org.tuanjie.platform.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.tuanjie.platform.seal.ChainLine;
import org.tuanjie.platform.seal.SealedZip;

/**
 * The part of a hash chain a bundle covering a period carries, chosen when the bundle begins: the checkpoints that
 * anchor the period (the last one made before it, every one since), and the links from the first of them (else the
 * chain's start) to the chain's head. Checkpoints are chosen before the head, so every checkpoint listed is of a link
 * the segment reaches.
 */
public record ChainSegment(HashChain chain, List<HashChain.Checkpoint> anchors, long from, long head) {

    /** Links what is waiting, then chooses the segment of a period starting at {@code since}. */
    public static ChainSegment of(HashChain chain, Instant since) {
        chain.linkAll();
        List<HashChain.Checkpoint> anchors = chain.anchoring(since);
        long head = chain.length();
        long from = anchors.isEmpty() || !anchors.get(0).madeAt().toInstant().isBefore(since) ? 1 : anchors.get(0).seq();
        return new ChainSegment(chain, anchors, from, head);
    }

    /**
     * Writes {@code folder/checkpoints.json} and {@code folder/chain.jsonl}: the links of units under
     * {@code unitPath} in full (their hashes recomputable), anyone else's as their place and links only.
     */
    public void write(SealedZip zip, String folder, String unitPath, ObjectMapper json) throws IOException {
        zip.add(folder + "checkpoints.json", json.writeValueAsBytes(anchors.stream().map(ChainViews.CheckpointView::of).toList()));
        zip.add(folder + "chain.jsonl", out -> chain.links(from, head, links -> {
            for (HashChain.Link link : links) {
                out.write(ChainLine.of(link.fields(), link.unitPath() != null && link.unitPath().startsWith(unitPath)));
            }
        }));
    }
}
