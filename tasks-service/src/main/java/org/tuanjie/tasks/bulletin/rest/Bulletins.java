package org.tuanjie.tasks.bulletin.rest;


import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import org.tuanjie.platform.web.Attachment;
import org.tuanjie.tasks.bulletin.service.BulletinDocuments.Format;

/** What both bulletins' endpoints say and do alike. */
final class Bulletins {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PDF = "application/pdf";
    /** The path's last segment: the file's form, by its extension. */
    static final String FORMATS = "docx|pdf";
    static final String FORMAT = "`docx` for the editable Word document, `pdf` for the same content as PDF (A4, its CJK "
            + "font embedded)";
    static final String TITLE = "The bulletin's title (default: 关于<inspection>情况的通报, or <unit>…整改进展通报)";
    static final String REFERENCE = "The document number (文号), e.g. 县民创办通〔2026〕3号; without it, a blank for the office to fill";
    static final int TITLE_MAX = 200;
    static final int REFERENCE_MAX = 60;

    private Bulletins() {
    }

    static Format format(String extension) {
        return Format.valueOf(extension.toUpperCase(Locale.ROOT));
    }

    /** The document as a download, named in ASCII and, for those who read it, in Chinese. */
    static Response download(StreamingOutput body, Format format, String asciiName, String chineseName) {
        return Response.ok(body, format.mediaType).header("Content-Disposition", Attachment.disposition(
                asciiName + "." + format.extension(), chineseName + "." + format.extension())).build();
    }
}
