package org.tuanjie.platform.files;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.tuanjie.platform.files.FileProblems.FileFrozen;
import org.tuanjie.platform.files.FileProblems.FileNotFound;
import org.tuanjie.platform.files.FileProblems.FileTooLarge;
import org.tuanjie.platform.files.FileProblems.NotAttachable;
import org.tuanjie.platform.files.FileProblems.NotTheUploader;
import org.tuanjie.platform.files.FileProblems.OffsetMismatch;
import org.tuanjie.platform.files.FileProblems.QuotaExceeded;
import org.tuanjie.platform.files.FileProblems.UnsupportedFileType;
import org.tuanjie.platform.files.FileProblems.UploadIncomplete;
import org.tuanjie.platform.files.FileProblems.UploadNotFound;
import org.tuanjie.platform.files.StoredFile.Owner;
import org.tuanjie.platform.files.StoredFile.State;
import org.tuanjie.platform.problem.Violation;

/**
 * Files from upload to the record that keeps them. A file comes whole ({@link #receive}) or in
 * pieces over a weak network ({@link #startUpload}, {@link #append}); either way its type is decided
 * from its bytes, its size and its unit's quota are checked before anything stays, and its SHA-256
 * is computed as the bytes stream through. Until a record takes it ({@link #attach}) a file is its
 * uploader's alone and expires; once taken it lives and is seen as its record; once the record is
 * settled ({@link #freeze}) it can no longer be deleted.
 */
@ApplicationScoped
public class Files {

    private static final Logger LOG = Logger.getLogger(Files.class);

    /**
     * Larger images get no thumbnail: the decoder holds the compressed bytes it reads in memory, and ten
     * 50 MB uploads at once must fit a small heap. Phone photos are 2 to 12 MB.
     */
    static final long THUMBNAIL_SOURCE_MAX = 16L * 1024 * 1024;

    @Inject
    FileCatalog catalog;

    @Inject
    Stores stores;

    @Inject
    FilesConfig config;

    /** Told of files a record has just taken, in its transaction (the service publishes "file added"). */
    @Inject
    Event<FilesAttached> attached;

    Clock clock = Clock.systemUTC();

    /** Who uploads: the token's subject, and the unit whose quota the file counts against. */
    public record Uploader(String subject, String unit) {
    }

    /** A file that came whole (a multipart part, already spooled to disk by the HTTP layer). */
    public StoredFile receive(Path spooled, String name, Uploader uploader) {
        long size = size(spooled);
        if (size > maxSize()) {
            throw new FileTooLarge(size, maxSize());
        }
        FileType type = sniff(() -> java.nio.file.Files.newInputStream(spooled), size);
        StoredFile reserved = reserve(name, size, uploader, stores.target().name(), config.unattachedExpiresAfter());
        try {
            BlobStore store = stores.target();
            String sha256;
            try (InputStream in = java.nio.file.Files.newInputStream(spooled)) {
                sha256 = writeHashing(store, reserved.key(), in, size);
            }
            return settle(reserved, store, type, sha256, () -> java.nio.file.Files.newInputStream(spooled));
        } catch (IOException | RuntimeException e) {
            discard(reserved);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** tus creation: the length is announced, the bytes follow. */
    public StoredFile startUpload(String name, long length, Uploader uploader) {
        if (length > maxSize()) {
            throw new FileTooLarge(length, maxSize());
        }
        if (length <= 0) {
            throw new UnsupportedFileType();
        }
        return reserve(name, length, uploader, stores.staging().name(), config.uploadExpiresAfter());
    }

    /** An upload (under way or complete), seen only by who started it. */
    public StoredFile upload(UUID id, String subject) {
        return catalog.find(id).filter(f -> f.uploadedBy().equals(subject)).orElseThrow(() -> new UploadNotFound(id));
    }

    /** Bytes an upload holds: committed chunk by chunk, so a cut request keeps what arrived. */
    public long offset(StoredFile upload) throws IOException {
        return upload.stored() ? upload.declaredSize() : stores.staging().end(upload.key());
    }

    /**
     * tus PATCH: appends at {@code offset}; the last byte completes the file.
     *
     * @throws OffsetMismatch when the upload does not stand at {@code offset}
     * @throws IOException    when the caller's stream breaks (what arrived before stays)
     */
    public StoredFile append(UUID id, String subject, long offset, InputStream body, long contentLength) throws IOException {
        StoredFile upload = upload(id, subject);
        if (upload.stored()) {
            throw new OffsetMismatch(offset, upload.declaredSize());
        }
        long remaining = upload.declaredSize() - offset;
        if (contentLength > remaining && offset <= upload.declaredSize()) {
            throw new FileTooLarge(offset + contentLength, upload.declaredSize());
        }
        PostgresBlobs staging = stores.staging();
        long end;
        try {
            end = staging.append(upload.key(), offset, body, remaining);
        } catch (PostgresBlobs.OffsetMismatch e) {
            throw new OffsetMismatch(offset, e.actualEnd());
        } finally {
            catalog.received(id, staging.end(upload.key()));
        }
        if (end < upload.declaredSize()) {
            return catalog.find(id).orElseThrow(() -> new UploadNotFound(id));
        }
        return complete(upload);
    }

    /** tus termination: the upload and what it received are gone. */
    public void terminate(UUID id, String subject) {
        StoredFile upload = upload(id, subject);
        if (upload.attached()) {
            throw new FileFrozen(id);
        }
        discard(upload);
    }

    private StoredFile complete(StoredFile upload) throws IOException {
        PostgresBlobs staging = stores.staging();
        long size = upload.declaredSize();
        FileType type;
        try {
            type = sniff(() -> staging.read(upload.key(), 0, Math.min(size, FileType.HEAD_BYTES)), size);
        } catch (UnsupportedFileType refused) {
            discard(upload);
            throw refused;
        }
        String sha256;
        try (InputStream in = staging.read(upload.key(), 0, size)) {
            sha256 = hash(in);
        }
        BlobStore target = stores.target();
        if (target != staging) {
            try (InputStream in = staging.read(upload.key(), 0, size)) {
                target.write(upload.key(), in, size);
            }
        }
        StoredFile settled = settle(upload, target, type, sha256, () -> target.read(upload.key(), 0, size));
        if (target != staging) {
            staging.delete(upload.key());
        }
        return settled;
    }

    /** Reads what a photo says of itself, makes its thumbnail, and records the file as stored. */
    private StoredFile settle(StoredFile reserved, BlobStore store, FileType type, String sha256, Source bytes) throws IOException {
        Capture capture = null;
        boolean thumbnail = false;
        if (type.image()) {
            try (InputStream in = bytes.open()) {
                capture = Capture.read(in, type, config.captureZone()).orElse(null);
            }
            Optional<byte[]> small = Optional.empty();
            if (reserved.declaredSize() <= THUMBNAIL_SOURCE_MAX) {
                try (InputStream in = bytes.open()) {
                    small = Thumbnails.of(in, type);
                }
            }
            if (small.isPresent()) {
                store.write(reserved.thumbnailKey(), new ByteArrayInputStream(small.get()), small.get().length);
                thumbnail = true;
            }
        }
        Instant now = clock.instant();
        StoredFile stored = new StoredFile(reserved.id(), reserved.name(), reserved.declaredSize(), reserved.declaredSize(),
                State.STORED, store.name(), type, sha256, reserved.uploadedBy(), reserved.uploaderUnit(), reserved.createdAt(),
                now, now.plus(config.unattachedExpiresAfter()), capture, thumbnail, null, null, null);
        catalog.stored(stored);
        return stored;
    }

    public StoredFile get(UUID id) {
        return catalog.find(id).orElseThrow(() -> new FileNotFound(id));
    }

    /** The bytes {@code [from, to)} of a stored file. */
    public InputStream open(StoredFile file, long from, long to) throws IOException {
        if (!file.stored()) {
            throw new UploadIncomplete(file.id(), file.received(), file.declaredSize());
        }
        return stores.named(file.store()).read(file.key(), from, to);
    }

    /** The file's thumbnail (a small JPEG), when it has one. */
    public Optional<byte[]> thumbnail(StoredFile file) throws IOException {
        if (!file.thumbnail()) {
            return Optional.empty();
        }
        try (InputStream in = stores.named(file.store()).read(file.thumbnailKey(), 0, Long.MAX_VALUE)) {
            return Optional.of(in.readAllBytes());
        }
    }

    /**
     * Gives files to a record, in the caller's transaction. Each must be stored and either the
     * caller's own free upload or the record's already; the refusal names each offending
     * {@code field[i]}, and nothing is attached then.
     */
    public List<StoredFile> attach(Owner owner, List<UUID> ids, String subject, String field) {
        List<Violation> refused = new ArrayList<>();
        List<StoredFile> taken = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String at = field + "[" + i + "]";
            Optional<StoredFile> found = id == null ? Optional.empty() : catalog.lock(id);
            if (found.isEmpty() || !found.get().attached() && !found.get().uploadedBy().equals(subject)) {
                refused.add(new Violation(at, "problem.file-not-attachable.unknown", id));
            } else if (!found.get().stored()) {
                refused.add(new Violation(at, "problem.file-not-attachable.incomplete", id));
            } else if (found.get().attached() && !found.get().owner().equals(owner)) {
                refused.add(new Violation(at, "problem.file-not-attachable.taken", id));
            } else {
                taken.add(found.get());
            }
        }
        if (!refused.isEmpty()) {
            throw new NotAttachable(refused);
        }
        Instant now = clock.instant();
        List<StoredFile> added = taken.stream().filter(f -> !f.attached()).distinct().toList();
        added.forEach(f -> catalog.attach(f.id(), owner, now));
        List<StoredFile> held = catalog.ownedBy(owner);
        if (!added.isEmpty()) {
            Set<UUID> addedIds = added.stream().map(StoredFile::id).collect(Collectors.toSet());
            attached.fire(new FilesAttached(owner, held.stream().filter(f -> addedIds.contains(f.id())).toList()));
        }
        return held;
    }

    public List<StoredFile> of(Owner owner) {
        return catalog.ownedBy(owner);
    }

    /** The files of many records of one kind at once (for lists), by record id. */
    public Map<String, List<StoredFile>> of(String kind, Collection<String> ids) {
        Map<String, List<StoredFile>> byOwner = new LinkedHashMap<>();
        for (StoredFile f : catalog.ownedBy(kind, ids)) {
            byOwner.computeIfAbsent(f.owner().id(), k -> new ArrayList<>()).add(f);
        }
        return byOwner;
    }

    /** Settles a record's files (in the caller's transaction): from now on they are proof, and stay. */
    public List<StoredFile> freeze(Owner owner) {
        catalog.freeze(owner, clock.instant());
        return catalog.ownedBy(owner);
    }

    /** Deletes a file its uploader no longer wants, unless a settled record keeps it. */
    public void delete(StoredFile file, String subject) {
        if (file.frozen()) {
            throw new FileFrozen(file.id());
        }
        if (!file.uploadedBy().equals(subject)) {
            throw new NotTheUploader();
        }
        discard(file);
    }

    /**
     * Keeps bytes the service made itself (an export built in the background), in the store new files go to, under
     * {@code made/<name>}: no type check and no quota, since nobody uploaded them. Returns the store's name, which
     * {@link #openMade} and {@link #discardMade} take.
     */
    public String keepMade(String name, Path file) throws IOException {
        BlobStore store = stores.target();
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            store.write("made/" + name, in, java.nio.file.Files.size(file));
        }
        return store.name();
    }

    /** The bytes {@code [from, to)} of what {@link #keepMade} kept. */
    public InputStream openMade(String store, String name, long from, long to) throws IOException {
        return stores.named(store).read("made/" + name, from, to);
    }

    /** Removes what {@link #keepMade} kept; a missing one is not an error. */
    public void discardMade(String store, String name) throws IOException {
        stores.named(store).delete("made/" + name);
    }

    /** Drops uploads left unfinished and files no record took, as of {@code now}; returns how many. */
    public int sweep(Instant now) {
        int swept = 0;
        List<StoredFile> batch;
        do {
            batch = catalog.expired(now, 100);
            batch.forEach(this::discard);
            swept += batch.size();
        } while (batch.size() == 100);
        return swept;
    }

    private StoredFile reserve(String name, long size, Uploader uploader, String store, java.time.Duration expiresAfter) {
        Instant now = clock.instant();
        StoredFile reserved = new StoredFile(UUID.randomUUID(), name, size, 0, State.UPLOADING, store, null, null,
                uploader.subject(), uploader.unit(), now, null, now.plus(expiresAfter), null, false, null, null, null);
        long quota = config.quotaPerUnit().asLongValue();
        QuarkusTransaction.requiringNew().run(() -> {
            catalog.lockQuota(uploader.unit());
            long used = catalog.usedBy(uploader.unit());
            if (used + size > quota) {
                throw new QuotaExceeded(uploader.unit(), used, size, quota);
            }
            catalog.insert(reserved);
        });
        return reserved;
    }

    /** Removes a file's record first (so nothing points at missing bytes), then its bytes wherever they are. */
    private void discard(StoredFile file) {
        QuarkusTransaction.requiringNew().run(() -> catalog.delete(file.id()));
        for (String storeName : List.of(file.store(), stores.staging().name())) {
            try {
                BlobStore store = stores.named(storeName);
                store.delete(file.key());
                store.delete(file.thumbnailKey());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("bytes of file %s left in %s: %s", file.id(), storeName, e.getMessage());
            }
        }
    }

    private long maxSize() {
        return config.maxSize().asLongValue();
    }

    private static long size(Path spooled) {
        try {
            return java.nio.file.Files.size(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private static FileType sniff(Source bytes, long size) {
        byte[] head = new byte[(int) Math.min(size, FileType.HEAD_BYTES)];
        int read;
        try (InputStream in = bytes.open()) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FileType.of(head, read).orElseThrow(UnsupportedFileType::new);
    }

    private static String writeHashing(BlobStore store, String key, InputStream in, long size) throws IOException {
        MessageDigest sha256 = sha256();
        store.write(key, new DigestInputStream(in, sha256), size);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String hash(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha256.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
