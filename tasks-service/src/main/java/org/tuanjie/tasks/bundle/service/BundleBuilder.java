package org.tuanjie.tasks.bundle.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tuanjie.platform.files.Files;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.platform.chain.ChainSegment;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.platform.seal.SealedZip;
import org.tuanjie.tasks.bundle.EvidenceBundle;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.evidence.service.EvidenceOwners;
import org.tuanjie.tasks.ledger.service.LedgerService;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.service.TaskQueries;
import org.tuanjie.tasks.timeline.service.TimelineChain;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Writes a bundle's ZIP: the ledger, every task of the unit's subtree that was open at some time in the period (made
 * before its end, not verified before its start) with its timeline and its evidence files and those of its finding,
 * the timelines' hash chain segment, the agreements' part (from agreements-service) and the units' history chain
 * segment (from units-service), the suite's public sealing keys, a manifest of every file's size and SHA-256, and the manifest's seal. Tasks are read
 * a batch at a time and files are streamed, so a county's bundle of gigabytes needs no more memory than a village's.
 */
@ApplicationScoped
public class BundleBuilder {

    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    LedgerService ledger;

    @Inject
    Files files;

    @Inject
    SealKeys keys;

    @Inject
    TasksConfig config;

    @Inject
    TimelineChain timeline;

    private final ObjectMapper json;

    @Inject
    BundleBuilder(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** How a task and its timeline are written: as the API shows them, which the web layer knows. */
    public interface Views {
        Object task(RectificationTask task, LocalDate today, int yellowDays, List<StoredFile> evidence);

        Object timeline(List<TaskEvent> events);
    }

    /** What a build wrote: how many tasks and listed files, and the ZIP's size and SHA-256. */
    public record Built(int tasks, int files, long size, String sha256) {
    }

    /** Writes the bundle's ZIP to {@code target}, with the files of the other services' parts ({@link BundleParts}). */
    public Built build(EvidenceBundle bundle, Views views, Map<BundleParts.Source, Path> parts, Path target)
            throws IOException {
        MessageDigest whole;
        try {
            whole = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int tasks = 0;
        int listed;
        ChainSegment segment = ChainSegment.of(timeline.chain(), bundle.from().atStartOfDay(config.zone()).toInstant());
        try (OutputStream file = java.nio.file.Files.newOutputStream(target);
                DigestOutputStream digesting = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), whole);
                SealedZip zip = new SealedZip(digesting, keys)) {
            TaskQueries.Condition where = tasksOf(bundle);
            zip.add("README.txt", readme(bundle).getBytes(StandardCharsets.UTF_8));
            zip.add("ledger.xlsx", out -> LedgerService.writeXlsx(ledger.prepare(where, bundle.unitName()), out));
            // PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first
            UUID after = new UUID(0L, 0L);
            while (true) {
                List<Task> batch = batch(where, after);
                for (Task task : batch) {
                    writeTask(zip, views, task);
                }
                tasks += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
                after = batch.get(batch.size() - 1).task().id();
            }
            segment.write(zip, "timeline/", bundle.unitPath(), json);
            Map<String, Object> about = about(bundle);
            about.put("agreements", join(zip, parts.get(BundleParts.Source.AGREEMENTS)).path("agreements").asInt());
            join(zip, parts.get(BundleParts.Source.UNITS));
            zip.seal(about, Instant.now());
            listed = zip.files();
        }
        return new Built(tasks, listed, java.nio.file.Files.size(target), HexFormat.of().formatHex(whole.digest()));
    }

    /**
     * Adds a part's files under their own names (the agreements' part: agreements, their seals and audit entries, the
     * audit chain's segment and checkpoints; the units' part: the history chain's), and answers the part's manifest.
     */
    private JsonNode join(SealedZip zip, Path part) throws IOException {
        try (java.util.zip.ZipFile from = new java.util.zip.ZipFile(part.toFile())) {
            for (String name : BundleParts.joining(from)) {
                try (InputStream in = from.getInputStream(from.getEntry(name))) {
                    zip.add(name, in);
                }
            }
            try (InputStream in = from.getInputStream(from.getEntry("manifest.json"))) {
                return json.readTree(in);
            }
        }
    }

    /** The tasks of the bundle's subtree open at some time in its period. */
    private TaskQueries.Condition tasksOf(EvidenceBundle bundle) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("within", Jurisdiction.likePrefix(bundle.unitPath()));
        params.put("until", bundle.to().plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime());
        params.put("since", bundle.from().atStartOfDay(config.zone()).toOffsetDateTime());
        return new TaskQueries.Condition("t.unit.path like :within and t.createdAt < :until"
                + " and (t.verifiedAt is null or t.verifiedAt >= :since)", params);
    }

    private record Task(RectificationTask task, List<TaskEvent> timeline, List<StoredFile> evidence,
            List<StoredFile> findingEvidence) {
    }

    /** The next tasks after {@code after} (by id), with their timelines and files, read in one transaction. */
    private List<Task> batch(TaskQueries.Condition where, UUID after) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createQuery("select t from RectificationTask t where " + where.hql()
                    + " and t.id > :after order by t.id", RectificationTask.class);
            where.params().forEach(query::setParameter);
            List<RectificationTask> page = query.setParameter("after", after).setMaxResults(BATCH).getResultList();
            if (page.isEmpty()) {
                return List.<Task>of();
            }
            List<UUID> ids = page.stream().map(RectificationTask::id).toList();
            Map<UUID, List<TaskEvent>> events = em.createQuery(
                    "select e from TaskEvent e where e.taskId in :ids order by e.taskId, e.id", TaskEvent.class)
                    .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(TaskEvent::taskId));
            Map<String, List<StoredFile>> evidence = files.of(EvidenceOwners.TASK, ids.stream().map(UUID::toString).toList());
            Map<String, List<StoredFile>> findingEvidence = files.of(EvidenceOwners.FINDING, page.stream()
                    .map(RectificationTask::findingId).filter(java.util.Objects::nonNull).map(UUID::toString).distinct().toList());
            List<Task> tasks = new ArrayList<>();
            for (RectificationTask t : page) {
                tasks.add(new Task(t, events.getOrDefault(t.id(), List.of()),
                        evidence.getOrDefault(t.id().toString(), List.of()),
                        t.findingId() == null ? List.of() : findingEvidence.getOrDefault(t.findingId().toString(), List.of())));
            }
            return tasks;
        });
    }

    private void writeTask(SealedZip zip, Views views, Task task) throws IOException {
        String at = "tasks/" + task.task().id() + "/";
        LocalDate today = config.today();
        zip.add(at + "task.json", json.writeValueAsBytes(views.task(task.task(), today, config.yellowDays(), task.evidence())));
        zip.add(at + "timeline.json", json.writeValueAsBytes(views.timeline(task.timeline())));
        for (StoredFile file : task.evidence()) {
            writeFile(zip, at + "evidence/", file);
        }
        for (StoredFile file : task.findingEvidence()) {
            writeFile(zip, at + "finding-evidence/", file);
        }
    }

    private void writeFile(SealedZip zip, String folder, StoredFile file) throws IOException {
        if (!file.stored()) {
            return;
        }
        try (InputStream in = files.open(file, 0, file.received())) {
            zip.add(folder + file.id() + "/" + safeName(file.name()), in);
        }
    }

    /** A file's own name, kept readable but unable to climb out of its folder or hide in another. */
    static String safeName(String name) {
        String kept = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (kept.startsWith(".")) {
            kept = kept.substring(1);
        }
        if (kept.length() > 120) {
            kept = kept.substring(kept.length() - 120);
        }
        return kept.isEmpty() ? "file" : kept;
    }

    /** What the manifest says of the bundle, before its files. */
    private static Map<String, Object> about(EvidenceBundle bundle) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("bundleId", bundle.id().toString());
        about.put("unit", Map.of("id", bundle.unitId().toString(), "code", bundle.unitCode(), "name", bundle.unitName()));
        about.put("period", Map.of("from", bundle.from().toString(), "to", bundle.to().toString()));
        about.put("builtFor", bundle.requestedBy());
        return about;
    }

    private static String readme(EvidenceBundle bundle) {
        return """
                证据包 / Evidence bundle
                单位 Unit: %s (%s)
                期间 Period: %s – %s

                manifest.json 列出包内每个文件的大小和 SHA-256；manifest.seal.json 是对 manifest.json 原始字节的签章，
                public-keys.json 是本系统的签章公钥（请与系统公布的 GET /api/seal/public-keys 核对）。
                ledger.xlsx 是整改台账；tasks/<id>/ 是每项整改任务、其时间线和证据文件；timeline/ 是时间线的哈希链片段及其签章检查点。
                agreements/<id>/ 是每份责任书、其规范化内容、签名及签章、审计链记录；audit/ 是审计链的片段及其签章检查点；
                history/ 是单位沿革（撤销、恢复）哈希链的片段及其签章检查点。
                离线核验：java -jar bundle-verifier.jar 本文件.zip [--public-keys 公布的公钥.json]

                manifest.json lists every file of the bundle with its size and SHA-256; manifest.seal.json seals the exact
                bytes of manifest.json with the suite's key named there; public-keys.json holds the suite's public keys
                (compare them with those it publishes at GET /api/seal/public-keys). To check the bundle offline:
                java -jar bundle-verifier.jar this.zip [--public-keys published-keys.json]
                ledger.xlsx is the rectification ledger (整改台账); tasks/<id>/ holds each task, its timeline and its
                evidence files, and those of the finding it rectifies. timeline/chain.jsonl is the hash chain of every
                task's timeline from the last checkpoint before the period (lines of this unit's subtree in full, others
                as links only), timeline/checkpoints.json its sealed checkpoints, which the chain must match.
                agreements/<id>/ holds every responsibility agreement of the unit's subtree for the years the period
                touches: the agreement, its canonical content (its content hash is this file's SHA-256), its signatures
                with their seals and the exact text sealed, and its entries of the audit chain; audit/chain.jsonl and
                audit/checkpoints.json are the audit chain's segment and checkpoints, as for the timelines, and
                history/ those of the units' history chain (closings and reopenings of units).
                """.formatted(bundle.unitName(), bundle.unitCode(), bundle.from(), bundle.to());
    }
}
