package org.tuanjie.units.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.tuanjie.units.UnitsApi.activity;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Multipart;
import org.tuanjie.testing.TestFiles;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.Hierarchy;

/**
 * The dossier's files: an activity's photos and a document's scan, uploaded by the unit's liaison and
 * seen with the entry by whoever sees the unit, nobody else.
 */
@QuarkusTest
class DossierAttachmentsTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("76");
        }
    }

    private static RequestSpecification by(String subject, String role, String unit) {
        return given().auth().oauth2(Tokens.of(subject, role, unit));
    }

    private static String upload(RequestSpecification who, String name, byte[] bytes) {
        return who.contentType(Multipart.CONTENT_TYPE).body(Multipart.file(name, bytes, "application/octet-stream"))
                .post("/attachments").then().statusCode(201).extract().path("id");
    }

    @Test
    void anActivityCarriesItsPhotosAndIsCountedUnderItsIndicator() {
        String liaison = "dossier-liaison-" + h.villageA;
        byte[] photo = TestFiles.jpeg(1200, 900, LocalDateTime.of(2026, 5, 12, 9, 30), 28.48, 98.91);
        String photoId = upload(by(liaison, "unit-liaison", h.villageA), "宣传活动.jpg", photo);

        Map<String, Object> body = activity("PUBLICITY", "民族团结进步宣传月", "2026-05-12", "3.2.1");
        body.put("files", List.of(photoId));
        String activityId = by(liaison, "unit-liaison", h.villageA).contentType("application/json").body(body)
                .post("/units/" + h.id(h.villageA) + "/dossier/activities").then().statusCode(201)
                .body("files.id", contains(photoId)).body("files[0].capture.takenAt", equalTo("2026-05-12T01:30:00Z"))
                .extract().path("id");

        // seen with the activity by the township above; the file is the activity's, not only its uploader's
        as("admin", h.townshipA).get("/activities/" + activityId).then().statusCode(200).body("files.sha256",
                contains(TestFiles.sha256(photo)));
        byte[] downloaded = as("admin", h.townshipA).get("/attachments/" + photoId + "/content").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(photo, downloaded);
        // another township sees neither
        as("admin", h.townshipB).get("/attachments/" + photoId).then().statusCode(404);
        as("admin", h.townshipB).get("/attachments/" + photoId + "/content").then().statusCode(404);

        as("auditor", h.county).get("/units/" + h.id(h.villageA) + "/dossier/counts").then().statusCode(200)
                .body("indicators.find { it.code == '3.2.1' }.total", equalTo(1));

        // other platforms are told, once, within the reach of the unit
        String told = "items.findAll { it.subject == 'files/" + photoId + "' }";
        as("auditor", h.county).queryParam("type", "org.tuanjie.file.added").queryParam("limit", 500).get("/units/events")
                .then().statusCode(200)
                .body(told + ".size()", equalTo(1))
                .body(told + "[0].data.attachedTo", equalTo(Map.of("kind", "dossier-entry", "id", activityId)))
                .body(told + "[0].data.entry", equalTo("activity"))
                .body(told + "[0].data.entryKind", equalTo("PUBLICITY"))
                .body(told + "[0].data.unitCode", equalTo(h.villageA))
                .body(told + "[0].data.sha256", equalTo(TestFiles.sha256(photo)));
        as("auditor", h.townshipB).queryParam("type", "org.tuanjie.file.added").queryParam("limit", 500).get("/units/events")
                .then().statusCode(200).body(told + ".size()", equalTo(0));
    }

    @Test
    void aDocumentCarriesItsScanAndOnlyTheUploadersOwnFilesAreTaken() {
        String liaison = "dossier-doc-liaison-" + h.school;
        byte[] scan = TestFiles.pdf(6000);
        String scanId = upload(by(liaison, "unit-liaison", h.school), "领导小组文件.pdf", scan);
        String foreign = upload(by("someone-else", "unit-liaison", h.school), "other.pdf", TestFiles.pdf(3000));

        Map<String, Object> body = document("校发〔2026〕3号", "关于成立民族团结进步创建工作领导小组的通知", "2026-03-01", "1.1");
        body.put("files", List.of(foreign));
        by(liaison, "unit-liaison", h.school).contentType("application/json").body(body)
                .post("/units/" + h.id(h.school) + "/dossier/documents").then().statusCode(422)
                .body("type", equalTo("/problems/file-not-attachable"))
                .body("errors.field", contains("files[0]"));
        as("admin", h.county).get("/units/" + h.id(h.school) + "/dossier").then().body("items", hasSize(0));

        body.put("files", List.of(scanId));
        by(liaison, "unit-liaison", h.school).contentType("application/json").body(body)
                .post("/units/" + h.id(h.school) + "/dossier/documents").then().statusCode(201)
                .body("files.mediaType", contains("application/pdf")).body("files[0].name", equalTo("领导小组文件.pdf"));
        // a file an entry took stays with it
        by(liaison, "unit-liaison", h.school).delete("/attachments/" + scanId).then().statusCode(409)
                .body("type", equalTo("/problems/file-taken"));
        // inspectors and auditors read the dossier, they upload nothing to it
        by("inspector-x", "inspector", h.county).contentType(Multipart.CONTENT_TYPE).body(Multipart.empty())
                .post("/attachments").then().statusCode(403);
    }

    @Test
    void anEntryHoldsAtMostAHundredFiles() {
        String liaison = "dossier-many-files-" + h.villageB;
        RequestSpecification who = by(liaison, "unit-liaison", h.villageB);
        List<String> uploads = new ArrayList<>();
        for (int i = 0; i <= DossierEntry.MAX_FILES; i++) {
            uploads.add(upload(by(liaison, "unit-liaison", h.villageB), "照片" + i + ".pdf", TestFiles.pdf(1000 + i)));
        }
        Map<String, Object> body = activity("SHOWCASE", "双语示范村观摩", "2026-06-06", "6.1");
        body.put("files", uploads.subList(0, 20));
        String activityId = who.contentType("application/json").body(body)
                .post("/units/" + h.id(h.villageB) + "/dossier/activities").then().statusCode(201).extract().path("id");
        for (int revision = 1; revision < 5; revision++) { // a revision adds at most 20: four more make a hundred
            body.put("title", "双语示范村观摩（补充照片 " + revision + "）");
            body.put("files", uploads.subList(20 * revision, 20 * (revision + 1)));
            by(liaison, "unit-liaison", h.villageB).contentType("application/json").header("If-Match", "\"" + (revision - 1) + "\"")
                    .body(body).put("/activities/" + activityId).then().statusCode(200).body("files", hasSize(20 * (revision + 1)));
        }
        body.put("files", List.of(uploads.get(DossierEntry.MAX_FILES)));
        by(liaison, "unit-liaison", h.villageB).contentType("application/json").header("If-Match", "\"4\"").body(body)
                .put("/activities/" + activityId).then().statusCode(400).body("errors.field", contains("files"));
        // refused whole: the entry is as it was, and the last upload is still its uploader's to use elsewhere
        as("admin", h.townshipB).get("/activities/" + activityId).then().statusCode(200).header("ETag", "\"4\"")
                .body("files", hasSize(DossierEntry.MAX_FILES));
        by(liaison, "unit-liaison", h.villageB).get("/attachments/" + uploads.get(DossierEntry.MAX_FILES)).then()
                .statusCode(200).body("attachedTo", equalTo(null));
    }
}
