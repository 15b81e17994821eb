package org.tuanjie.units.dossier.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.files.FileEndpoints;

@Guarded
@Path("/" + AttachmentResource.ROOT)
@Tag(name = "Dossier attachments", description = "Photos and documents of the dossier (创建档案): uploaded here (in one request, "
        + "or resumable with tus 1.0), then named by an activity or a document (`files`). Type judged from the bytes, SHA-256, "
        + "EXIF capture time and place.")
public class AttachmentResource extends FileEndpoints {

    static final String ROOT = "attachments";

    public AttachmentResource() {
        super(ROOT);
    }
}
