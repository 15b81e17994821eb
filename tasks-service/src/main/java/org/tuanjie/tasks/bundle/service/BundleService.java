package org.tuanjie.tasks.bundle.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.tuanjie.platform.files.Files;
import org.tuanjie.platform.problem.BundlePeriods;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.tasks.bundle.BundleExceptions;
import org.tuanjie.tasks.bundle.EvidenceBundle;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Evidence bundles: asked for a unit in the caller's reach and a period, built one at a time in the background (a
 * county's may take minutes), kept in the file store until they expire, and read by whoever may ask for one and has
 * the unit in reach.
 */
@ApplicationScoped
public class BundleService {

    private static final Logger LOG = Logger.getLogger(BundleService.class);

    @Inject
    EntityManager em;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Caller caller;

    @Inject
    BundleBuilder builder;

    @Inject
    Files files;

    @Inject
    TasksConfig config;

    @Inject
    BundleParts parts;

    @Inject
    SecurityIdentity identity;

    /** One build at a time per replica: a bundle reads every file of a subtree. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "evidence-bundles");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Records the request, starts fetching the other services' parts on the asker's behalf, and starts the build once
     * the request is committed; tasks are written as {@code views} show them.
     */
    public EvidenceBundle request(UUID unitId, LocalDate from, LocalDate to, BundleBuilder.Views views) {
        BundlePeriods.check(from, to);
        UnitRef unit = jurisdiction.unit(unitId);
        EvidenceBundle bundle = new EvidenceBundle(unit.id(), unit.code(), unit.name(), unit.pathText(), from, to,
                caller.subject(), OffsetDateTime.now(ZoneOffset.UTC).plus(config.bundlesKeepFor()));
        QuarkusTransaction.requiringNew().run(() -> em.persist(bundle));
        Map<BundleParts.Source, CompletableFuture<Path>> fetching = parts.fetch(bearer(), unit.id(), from, to);
        worker.submit(() -> build(bundle.id(), views, fetching));
        return bundle;
    }

    /** A bundle whose unit the caller has in reach. */
    public EvidenceBundle get(UUID id) {
        EvidenceBundle bundle = em.find(EvidenceBundle.class, id);
        if (bundle == null || !jurisdiction.covers(bundle.unitPath())) {
            throw new BundleExceptions.BundleNotFound(id);
        }
        return bundle;
    }

    /** A bundle whose unit the caller has in reach, built and ready to download. */
    public EvidenceBundle ready(UUID id) {
        EvidenceBundle bundle = get(id);
        if (bundle.state() != EvidenceBundle.State.READY) {
            throw new BundleExceptions.BundleNotReady(bundle.state());
        }
        return bundle;
    }

    /** The bytes {@code [from, to)} of a ready bundle's ZIP. */
    public InputStream content(EvidenceBundle bundle, long from, long to) throws IOException {
        return files.openMade(bundle.store(), bundle.blobName(), from, to);
    }

    /** The asker's own token, which the other services' parts are asked for with. */
    private String bearer() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? "Bearer " + jwt.getRawToken() : "";
    }

    void build(UUID id, BundleBuilder.Views views, Map<BundleParts.Source, CompletableFuture<Path>> fetching) {
        EvidenceBundle bundle = QuarkusTransaction.requiringNew().call(() -> em.find(EvidenceBundle.class, id));
        Path spool = null;
        try {
            Map<BundleParts.Source, Path> fetched = new EnumMap<>(BundleParts.Source.class);
            for (Map.Entry<BundleParts.Source, CompletableFuture<Path>> part : fetching.entrySet()) {
                fetched.put(part.getKey(), awaitPart(part.getValue()));
            }
            spool = java.nio.file.Files.createTempFile("bundle-", ".zip");
            BundleBuilder.Built built = builder.build(bundle, views, fetched, spool);
            String store = files.keepMade(bundle.blobName(), spool);
            QuarkusTransaction.requiringNew().run(() -> em.find(EvidenceBundle.class, id)
                    .ready(store, built.size(), built.sha256(), built.tasks(), built.files()));
            LOG.infof("Evidence bundle %s of %s: %d tasks, %d files, %d bytes", id, bundle.unitCode(), built.tasks(),
                    built.files(), built.size());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Evidence bundle %s could not be built", id);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> em.find(EvidenceBundle.class, id).failed(reason));
        } finally {
            BundleParts.discard(spool);
            // every part fetched is deleted, also those a failure left unread
            fetching.values().forEach(part -> part.thenAccept(BundleParts::discard));
        }
    }

    /** A part once fetched; its failure is the bundle's, with the service's reason. */
    private static Path awaitPart(CompletableFuture<Path> part) throws IOException {
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw new IOException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Removes expired bundles with their ZIPs, and gives up on builds a stopped replica left unfinished. */
    @Scheduled(every = "${tasks.bundles.sweep-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<EvidenceBundle> expired = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select b from EvidenceBundle b where b.expiresAt < :now", EvidenceBundle.class)
                .setParameter("now", now).setMaxResults(100).getResultList());
        for (EvidenceBundle bundle : expired) {
            try {
                if (bundle.store() != null) {
                    files.discardMade(bundle.store(), bundle.blobName());
                }
                QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from EvidenceBundle b where b.id = :id")
                        .setParameter("id", bundle.id()).executeUpdate());
            } catch (IOException e) {
                LOG.warnf(e, "Expired evidence bundle %s not removed yet", bundle.id());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update EvidenceBundle b set b.state = :failed,"
                + " b.failure = 'interrupted', b.finishedAt = :now where b.state = :building and b.requestedAt < :stale")
                .setParameter("failed", EvidenceBundle.State.FAILED).setParameter("building", EvidenceBundle.State.BUILDING)
                .setParameter("now", now).setParameter("stale", now.minus(config.bundlesBuildTimeout())).executeUpdate());
    }
}
