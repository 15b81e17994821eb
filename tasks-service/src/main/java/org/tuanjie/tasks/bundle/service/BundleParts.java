package org.tuanjie.tasks.bundle.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tuanjie.tasks.config.TasksConfig;

/**
 * The parts of an evidence bundle other services hold, asked of them on behalf of the person who asked for the bundle:
 * the agreements' ({@code GET /audit/bundle.zip} of agreements-service) and the units' history chain
 * ({@code GET /history/bundle.zip} of units-service). Each is asked with the asker's own token, sent as the bundle is
 * asked for (while the token is surely valid; the service checks it before the first byte), so each service decides with
 * its own rules what they may take. A part is spooled to a file and checked whole (its central directory read, every
 * file its manifest lists present with the size listed) before it joins the bundle.
 */
@ApplicationScoped
public class BundleParts {

    /** A part's own files, which the bundle's replace: the bundle has one README, manifest, seal and key list. */
    static final Set<String> OWN_FILES = Set.of("README.txt", "manifest.json", "manifest.seal.json", "public-keys.json");

    /** Where a part comes from. */
    public enum Source {
        AGREEMENTS("agreements-service", "/audit/bundle.zip"),
        UNITS("units-service", "/history/bundle.zip");

        final String service;
        final String path;

        Source(String service, String path) {
            this.service = service;
            this.path = path;
        }
    }

    /** A service's answer could not be had or was not a whole part. */
    public static class Unavailable extends IOException {
        Unavailable(Source source, String message, Throwable cause) {
            super(source.service + ": " + message, cause);
        }
    }

    @Inject
    TasksConfig config;

    @ConfigProperty(name = "quarkus.rest-client.units.url")
    URI unitsUrl;

    /** Fetches wait on the network: a virtual thread each, never a pool thread held. */
    private final ExecutorService fetches = Executors.newVirtualThreadPerTaskExecutor();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PreDestroy
    void stop() {
        fetches.shutdownNow();
    }

    /**
     * Starts fetching each part of the unit's subtree for the period, with {@code bearer} (the asker's
     * {@code Authorization}), into temporary files, which the futures' taker deletes.
     */
    public Map<Source, CompletableFuture<Path>> fetch(String bearer, UUID unitId, LocalDate from, LocalDate to) {
        Map<Source, CompletableFuture<Path>> parts = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            URI base = source == Source.AGREEMENTS ? config.agreementsUrl() : unitsUrl;
            URI uri = base.resolve(base.getPath().replaceAll("/+$", "") + source.path + "?unitId=" + unitId + "&from="
                    + from + "&to=" + to);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.bundlesPartsTimeout())
                    .header("Authorization", bearer).header("Accept", "application/zip").GET().build();
            parts.put(source, CompletableFuture.supplyAsync(() -> fetch(source, request), fetches));
        }
        return parts;
    }

    private Path fetch(Source source, HttpRequest request) {
        Path spool = null;
        try {
            spool = java.nio.file.Files.createTempFile("bundle-part-", ".zip");
            HttpResponse<Path> answer = http.send(request, HttpResponse.BodyHandlers.ofFile(spool));
            if (answer.statusCode() != 200) {
                throw new Unavailable(source, "answered " + answer.statusCode() + problem(spool), null);
            }
            checkWhole(source, spool);
            return spool;
        } catch (IOException e) {
            discard(spool);
            throw new UncheckedIOException(e instanceof Unavailable ? e : new Unavailable(source, e.toString(), e));
        } catch (InterruptedException e) {
            discard(spool);
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new Unavailable(source, "interrupted", e));
        }
    }

    /** Every file the part's manifest lists is there with the size listed; a cut-off download has no directory. */
    static void checkWhole(Source source, Path part) throws Unavailable {
        try (ZipFile zip = new ZipFile(part.toFile())) {
            ZipEntry manifest = zip.getEntry("manifest.json");
            if (manifest == null) {
                throw new Unavailable(source, "its part has no manifest.json", null);
            }
            com.fasterxml.jackson.databind.JsonNode listed;
            try (InputStream in = zip.getInputStream(manifest)) {
                listed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("files");
            }
            for (com.fasterxml.jackson.databind.JsonNode file : listed) {
                ZipEntry entry = zip.getEntry(file.path("path").asText());
                if (entry == null || entry.getSize() != file.path("size").asLong()) {
                    throw new Unavailable(source, "its part lacks " + file.path("path").asText() + " as listed", null);
                }
            }
        } catch (Unavailable e) {
            throw e;
        } catch (IOException e) {
            throw new Unavailable(source, "its part is not a whole ZIP (" + e.getMessage() + ")", e);
        }
    }

    /** The names of the part's files that join the bundle, in the part's order. */
    static List<String> joining(ZipFile part) {
        return part.stream().filter(e -> !e.isDirectory() && !OWN_FILES.contains(e.getName())).map(ZipEntry::getName).toList();
    }

    /** The start of a refusal's problem+json, for the bundle's failure reason. */
    private static String problem(Path spool) {
        try {
            String body = java.nio.file.Files.readString(spool);
            return body.isBlank() ? "" : ": " + body.substring(0, Math.min(300, body.length()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static void discard(Path spool) {
        if (spool != null) {
            spool.toFile().delete();
        }
    }
}
