package org.tuanjie.platform.files;

import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.problem.ProblemException;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/** What refusing a file says. Each refusal leaves nothing of the file behind. */
public final class FileProblems {

    private FileProblems() {
    }

    public static final class FileNotFound extends Problems.NotFound {
        public FileNotFound(UUID id) {
            super("file-not-found", "problem.file-not-found.detail", id);
        }
    }

    public static final class UploadNotFound extends Problems.NotFound {
        public UploadNotFound(UUID id) {
            super("upload-not-found", "problem.upload-not-found.detail", id);
        }
    }

    /** 415: the bytes are none of the accepted types, whatever the name or Content-Type said. */
    public static final class UnsupportedFileType extends ProblemException {
        public UnsupportedFileType() {
            super(415, "unsupported-file-type", "problem.unsupported-file-type.detail", FileType.accepted());
        }
    }

    /** 413: above the per-file cap. */
    public static final class FileTooLarge extends ProblemException {
        public FileTooLarge(long size, long max) {
            super(413, "file-too-large", "problem.file-too-large.detail", size, max);
        }
    }

    /** 413: the unit's files would exceed its quota. */
    public static final class QuotaExceeded extends ProblemException {
        public QuotaExceeded(String unit, long used, long size, long quota) {
            super(413, "file-quota-exceeded", "problem.file-quota-exceeded.detail", unit, used, size, quota);
        }
    }

    /** 409: a verified submission's files are the proof; they stay as they are. */
    public static final class FileFrozen extends Problems.Conflict {
        public FileFrozen(UUID id) {
            super("file-frozen", "problem.file-frozen.detail", id);
        }
    }

    /** 409 (tus): the client's Upload-Offset is not where the upload stands; it should ask (HEAD) and resume there. */
    public static final class OffsetMismatch extends Problems.Conflict {
        public OffsetMismatch(long given, long actual) {
            super("upload-offset-mismatch", "problem.upload-offset-mismatch.detail", given, actual);
        }
    }

    /** 409: downloading or attaching an upload that has not received all its bytes. */
    public static final class UploadIncomplete extends Problems.Conflict {
        public UploadIncomplete(UUID id, long received, long size) {
            super("upload-incomplete", "problem.upload-incomplete.detail", id, received, size);
        }
    }

    /** 403: only who uploaded a file may delete it. */
    public static final class NotTheUploader extends Problems.Forbidden {
        public NotTheUploader() {
            super("not-the-uploader", "problem.not-the-uploader.detail");
        }
    }

    /** 422 with the field: a file named by a record must be the caller's own upload, stored and free, or the record's already. */
    public static final class NotAttachable extends ProblemException {
        private final transient List<Violation> violations;

        public NotAttachable(List<Violation> violations) {
            super(422, "file-not-attachable", "problem.file-not-attachable.detail", violations.size());
            this.violations = List.copyOf(violations);
        }

        @Override
        public List<Violation> violations() {
            return violations;
        }
    }
}
