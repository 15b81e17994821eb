package org.tuanjie.tasks.evidence.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.files.FileEndpoints;

@Guarded
@Path("/" + EvidenceResource.ROOT)
@Tag(name = "Evidence", description = "Photos and documents from phones: uploaded here (in one request, or resumable with tus 1.0), "
        + "then named by a finding or a task submission (`evidence`). Type judged from the bytes, SHA-256, EXIF capture time "
        + "and place; a verified submission's files are frozen.")
public class EvidenceResource extends FileEndpoints {

    static final String ROOT = "evidence";

    public EvidenceResource() {
        super(ROOT);
    }
}
