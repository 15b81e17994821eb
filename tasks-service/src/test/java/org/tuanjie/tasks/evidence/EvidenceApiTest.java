package org.tuanjie.tasks.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.files.Files;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.Multipart;
import org.tuanjie.testing.TestFiles;
import org.tuanjie.testing.Tokens;

/**
 * Evidence files through the API: what is accepted and refused (leaving nothing behind), resumable
 * uploads cut and resumed, downloads, and the files' life with the record that takes them. The same
 * tests run against the S3 store ({@link EvidenceOnS3Test}).
 */
@QuarkusTest
class EvidenceApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, FakeCounty> COUNTIES = new java.util.HashMap<>();

    @Inject
    DataSource dataSource;

    @Inject
    Files files;

    FakeCounty c;
    String school;
    String inspectionId;

    /** The county of this class's tests: each class its own, so classes sharing the database never meet. */
    protected String countyCode() {
        return "741102";
    }

    @BeforeEach
    void county() {
        c = COUNTIES.computeIfAbsent(countyCode(), FakeCounty::new);
        school = c.schools.get(0);
        inspectionId = inspection(c.county, List.of(c.id(school), c.id(c.townships.get(0))));
    }

    static RequestSpecification by(String subject, String role, String unit) {
        return given().auth().oauth2(Tokens.of(subject, role, unit));
    }

    static Response upload(RequestSpecification who, String name, byte[] bytes, String claimedType) {
        return who.contentType(Multipart.CONTENT_TYPE).body(Multipart.file(name, bytes, claimedType)).post("/evidence");
    }

    /** Sends only a request's head, announcing {@code length} bytes, and returns the status line and what follows. */
    static String announce(String method, String path, String token, String contentType, long length) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int n = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long rows(String sql, Object arg) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var s = connection.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long filesOf(String uploader) throws SQLException {
        return rows("select count(*) from stored_file where uploaded_by = ?", uploader);
    }

    private long chunks() throws SQLException {
        return rows("select count(*) from file_chunk where ? is not null", 1);
    }

    @Test
    void aPhotoIsStoredWithItsHashCaptureAndThumbnail() throws Exception {
        byte[] photo = TestFiles.jpeg(1600, 1200, LocalDateTime.of(2026, 4, 12, 10, 30, 0), 31.4769, 103.5906);
        String liaison = "liaison-photo-" + countyCode();
        Response created = upload(by(liaison, "unit-liaison", school), "宣传栏照片.jpg", photo, "image/jpeg");
        created.then().statusCode(201)
                .header("Location", containsString("/evidence/"))
                .body("mediaType", equalTo("image/jpeg"))
                .body("size", equalTo(photo.length))
                .body("sha256", equalTo(sha256(photo)))
                .body("name", equalTo("宣传栏照片.jpg"))
                .body("state", equalTo("STORED"))
                .body("capture.takenAt", equalTo("2026-04-12T02:30:00Z")) // 10:30 in Asia/Shanghai
                .body("capture.latitude", equalTo(31.4769f))
                .body("capture.longitude", equalTo(103.5906f))
                .body("thumbnail", equalTo(true))
                .body("attachedTo", equalTo(null))
                .body("expiresAt", notNullValue());
        String id = created.path("id");

        byte[] downloaded = by(liaison, "unit-liaison", school).get("/evidence/" + id + "/content").then().statusCode(200)
                .header("ETag", equalTo("\"" + sha256(photo) + "\""))
                .header("Accept-Ranges", equalTo("bytes"))
                .header("Content-Type", equalTo("image/jpeg"))
                .header("Content-Disposition", equalTo("attachment; filename=\"_____.jpg\"; "
                        + "filename*=UTF-8''%E5%AE%A3%E4%BC%A0%E6%A0%8F%E7%85%A7%E7%89%87.jpg"))
                .extract().asByteArray();
        assertArrayEquals(photo, downloaded);

        byte[] part = by(liaison, "unit-liaison", school).header("Range", "bytes=100-1099")
                .get("/evidence/" + id + "/content").then().statusCode(206)
                .header("Content-Range", equalTo("bytes 100-1099/" + photo.length))
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(photo, 100, 1100), part);
        byte[] tail = by(liaison, "unit-liaison", school).header("Range", "bytes=-10")
                .get("/evidence/" + id + "/content").then().statusCode(206).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(photo, photo.length - 10, photo.length), tail);
        by(liaison, "unit-liaison", school).header("Range", "bytes=" + photo.length + "-")
                .get("/evidence/" + id + "/content").then().statusCode(416)
                .header("Content-Range", equalTo("bytes */" + photo.length));
        by(liaison, "unit-liaison", school).header("If-None-Match", "\"" + sha256(photo) + "\"")
                .get("/evidence/" + id + "/content").then().statusCode(304);

        byte[] thumbnail = by(liaison, "unit-liaison", school).get("/evidence/" + id + "/thumbnail").then().statusCode(200)
                .header("Content-Type", equalTo("image/jpeg")).extract().asByteArray();
        var small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail));
        int side = Math.max(small.getWidth(), small.getHeight());
        assertTrue(side <= 320 && side >= 160, "a thumbnail, not the photo: " + side);
    }

    @Test
    void aFreeFileIsItsUploadersAlone() {
        String liaison = "liaison-alone-" + countyCode();
        String id = upload(by(liaison, "unit-liaison", school), "plan.pdf", TestFiles.pdf(4000), "application/pdf")
                .then().statusCode(201).body("thumbnail", equalTo(false)).extract().path("id");
        by(liaison, "unit-liaison", school).get("/evidence/" + id).then().statusCode(200);
        // the same unit's leader and the county's admin do not see another person's upload
        by("leader-" + countyCode(), "unit-leader", school).get("/evidence/" + id).then().statusCode(404);
        as("admin", c.county).get("/evidence/" + id + "/content").then().statusCode(404);
        by(liaison, "unit-liaison", school).get("/evidence/" + id + "/thumbnail").then().statusCode(404)
                .body("type", equalTo("/problems/thumbnail-not-found"));
        // auditors change nothing, uploads included
        upload(by("auditor-x", "auditor", c.county), "a.pdf", TestFiles.pdf(2000), "application/pdf").then().statusCode(403);
    }

    @Test
    void anExecutableNamedLikeAPhotoIsRefusedAndNothingStays() throws Exception {
        String liaison = "liaison-exe-" + countyCode();
        long chunksBefore = chunks();
        upload(by(liaison, "unit-liaison", school), "photo.jpg", TestFiles.exe(), "image/jpeg").then().statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/unsupported-file-type"))
                .body("detail", containsString("JPEG"));
        assertEquals(0, filesOf(liaison));
        assertEquals(chunksBefore, chunks());
    }

    @Test
    void aFileAboveTheCapIsRefusedBeforeItIsStored() throws Exception {
        String liaison = "liaison-big-" + countyCode();
        long big = 51L * 1024 * 1024;
        // refused on its announced length, before a byte of it is read
        String answer = announce("POST", "/evidence", Tokens.of(liaison, "unit-liaison", school),
                Multipart.CONTENT_TYPE, big + 200);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        by(liaison, "unit-liaison", school).header("Tus-Resumable", "1.0.0").header("Upload-Length", big)
                .post("/evidence/uploads").then().statusCode(413)
                .body("type", equalTo("/problems/file-too-large"));
        assertEquals(0, filesOf(liaison));
    }

    @Test
    void aUnitsQuotaIsKeptAndAnOverflowLeavesNothing() throws Exception {
        // the test quota is 120M per unit (application.properties): two 50 MB uploads under way take 100M
        String village = c.villages.get(1);
        String liaison = "liaison-quota-" + countyCode();
        for (int i = 0; i < 2; i++) {
            by(liaison, "unit-liaison", village).header("Tus-Resumable", "1.0.0").header("Upload-Length", 50 * 1024 * 1024)
                    .post("/evidence/uploads").then().statusCode(201);
        }
        by(liaison, "unit-liaison", village).header("Tus-Resumable", "1.0.0").header("Upload-Length", 30 * 1024 * 1024)
                .post("/evidence/uploads").then().statusCode(413)
                .body("type", equalTo("/problems/file-quota-exceeded"))
                .body("detail", containsString(village));
        assertEquals(2, filesOf(liaison));
        // another unit's quota is its own
        by(liaison, "unit-liaison", c.villages.get(2)).header("Tus-Resumable", "1.0.0").header("Upload-Length", 30 * 1024 * 1024)
                .post("/evidence/uploads").then().statusCode(201);
    }

    @Test
    void aResumableUploadCutAt60PercentResumesFromTheServersOffset() throws Exception {
        String liaison = "liaison-tus-" + countyCode();
        byte[] video = TestFiles.mp4(3 * 1024 * 1024 + 123);
        String name = Base64.getEncoder().encodeToString("整改视频.mp4".getBytes(StandardCharsets.UTF_8));
        String location = by(liaison, "unit-liaison", school).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", video.length).header("Upload-Metadata", "filename " + name)
                .post("/evidence/uploads").then().statusCode(201)
                .header("Tus-Resumable", equalTo("1.0.0")).header("Upload-Expires", notNullValue())
                .extract().header("Location");
        String path = location.substring(location.indexOf("/evidence/"));

        int cut = video.length * 6 / 10;
        sendAndDrop(path, Tokens.of(liaison, "unit-liaison", school), video, cut);
        long offset = awaitOffset(path, () -> by(liaison, "unit-liaison", school), cut);
        assertEquals(cut, offset, "every byte that arrived before the cut is kept");

        tusPatch(by(liaison, "unit-liaison", school), path, 0, Arrays.copyOfRange(video, 0, 10)).then().statusCode(409)
                .body("type", equalTo("/problems/upload-offset-mismatch"));
        String fileLocation = tusPatch(by(liaison, "unit-liaison", school), path, offset,
                Arrays.copyOfRange(video, (int) offset, video.length)).then().statusCode(204)
                .header("Upload-Offset", equalTo(String.valueOf(video.length)))
                .extract().header("Location");
        String id = fileLocation.substring(fileLocation.lastIndexOf('/') + 1);
        assertTrue(path.endsWith(id), "the file's id is the upload's");
        by(liaison, "unit-liaison", school).get("/evidence/" + id).then().statusCode(200)
                .body("sha256", equalTo(sha256(video))).body("mediaType", equalTo("video/mp4"))
                .body("name", equalTo("整改视频.mp4")).body("size", equalTo(video.length));
        // another person cannot see or touch someone's upload
        by("someone-else", "unit-liaison", school).header("Tus-Resumable", "1.0.0").head(path).then().statusCode(404);
    }

    @Test
    void aResumableUploadOfAnExecutableIsDroppedWhenComplete() throws Exception {
        String liaison = "liaison-tus-exe-" + countyCode();
        byte[] exe = TestFiles.exe();
        String location = by(liaison, "unit-liaison", school).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", exe.length).post("/evidence/uploads").then().statusCode(201).extract().header("Location");
        String path = location.substring(location.indexOf("/evidence/"));
        tusPatch(by(liaison, "unit-liaison", school), path, 0, exe).then().statusCode(415);
        by(liaison, "unit-liaison", school).header("Tus-Resumable", "1.0.0").head(path).then().statusCode(404);
        assertEquals(0, filesOf(liaison));
        by(liaison, "unit-liaison", school).header("Upload-Length", 10).post("/evidence/uploads").then().statusCode(412)
                .header("Tus-Version", equalTo("1.0.0"));
    }

    @Test
    void aLiaisonSubmitsWithAPhotoTheVerifierDownloadsAndVerificationFreezesIt() throws Exception {
        String liaison = "liaison-submit-" + countyCode();
        byte[] oldPhoto = TestFiles.jpeg(800, 600, LocalDateTime.of(2020, 1, 5, 9, 0, 0), null, null);
        byte[] newPhoto = TestFiles.jpeg(800, 600, LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(1), null, null);
        String taskId = task(c.county, findingWithPhoto(), TODAY.plusDays(20));
        String old = upload(by(liaison, "unit-liaison", school), "old.jpg", oldPhoto, "image/jpeg").path("id");
        String fresh = upload(by(liaison, "unit-liaison", school), "new.jpg", newPhoto, "image/jpeg").path("id");
        act(liaison, "unit-liaison", school, taskId, "start", null, 200);
        act(liaison, "unit-liaison", school, taskId, "submit",
                Map.of("completionReport", "已设置宣传栏，照片见附件", "evidence", List.of(old, fresh)), 200)
                .then().body("evidence.file.id", contains(old, fresh))
                .body("evidence.predatesTask", contains(true, false))
                .body("evidencePredatesTask", equalTo(true));

        // the county's inspector (the verifier) downloads what was submitted and sees when it was taken
        as("inspector", c.county).get("/evidence/" + fresh).then().statusCode(200)
                .body("attachedTo.kind", equalTo("task")).body("attachedTo.id", equalTo(taskId))
                .body("capture.takenAt", notNullValue());
        byte[] seen = as("inspector", c.county).get("/evidence/" + old + "/content").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(oldPhoto, seen);
        // another township's liaison does not see the task's evidence
        by("other", "unit-liaison", c.townships.get(1)).get("/evidence/" + fresh).then().statusCode(404);

        Response timeline = as("auditor", c.county).get("/tasks/" + taskId + "/timeline");
        String submitted = timeline.path("find { it.toState == 'SUBMITTED' }.detail.evidence");
        assertTrue(submitted.contains(old + " sha256:" + sha256(oldPhoto)), submitted);

        // not yet settled: the uploader still cannot pull a taken file from under its record
        by(liaison, "unit-liaison", school).delete("/evidence/" + fresh).then().statusCode(409)
                .body("type", equalTo("/problems/file-taken"));
        act("inspector", c.county, taskId, "verify", null, 200);
        by(liaison, "unit-liaison", school).delete("/evidence/" + fresh).then().statusCode(409)
                .body("type", equalTo("/problems/file-frozen"));
        as("inspector", c.county).get("/tasks/" + taskId).then().body("evidence.file.frozenAt", hasSize(2))
                .body("evidence.file.frozenAt[0]", notNullValue());
        String frozen = as("auditor", c.county).get("/tasks/" + taskId + "/timeline")
                .path("find { it.toState == 'VERIFIED' }.detail.frozenEvidence");
        assertTrue(frozen.contains(fresh + " sha256:" + sha256(newPhoto)), frozen);
        // the ledger (整改台账) names each piece of proof by name and hash
        String ledger = as("auditor", c.county).accept("text/csv").queryParam("findingId", findingOf(taskId))
                .get("/ledger.csv").then().statusCode(200).extract().asString();
        assertTrue(ledger.contains("整改佐证材料"), ledger);
        assertTrue(ledger.contains("old.jpg sha256:" + sha256(oldPhoto) + "; new.jpg sha256:" + sha256(newPhoto)), ledger);
    }

    private String findingOf(String taskId) {
        return as("auditor", c.county).get("/tasks/" + taskId).path("findingId");
    }

    /**
     * A phone that stops reading a download holds up the service's copy (paced to what the connection takes,
     * written straight to the response after the first piece): when it reads on, every byte arrives, in order.
     * How much memory ten downloads at once take is measured in bench/files.sh, not here.
     */
    @Test
    void aDownloadItsReaderStallsOnArrivesWholeWhenItReadsOn() throws Exception {
        String liaison = "liaison-slow-reader-" + countyCode();
        byte[] video = TestFiles.mp4(16 * 1024 * 1024);
        String id = upload(by(liaison, "unit-liaison", school), "慢.mp4", video, "video/mp4").then().statusCode(201)
                .extract().path("id");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /evidence/" + id + "/content HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.of(liaison, "unit-liaison", school) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            byte[] first = in.readNBytes(100_000);
            Thread.sleep(1_500); // the reader stalls: the service's copy waits for the connection

            String head = new String(first, StandardCharsets.ISO_8859_1);
            int bodyStart = head.indexOf("\r\n\r\n") + 4;
            assertTrue(head.startsWith("HTTP/1.1 200"), head.substring(0, Math.min(200, head.length())));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(first, bodyStart, first.length - bodyStart);
            long length = first.length - bodyStart;
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
                length += n;
            }
            assertEquals(video.length, length, "every byte arrives once the reader goes on");
            assertEquals(sha256(video), HexFormat.of().formatHex(sha.digest()));
        }
    }

    @Test
    void whenTheOfficeAsksForEvidenceASubmissionWithoutIsRefused() {
        String liaison = "liaison-required-" + countyCode();
        Map<String, Object> body = new java.util.HashMap<>(org.tuanjie.tasks.Flows.taskFrom(
                org.tuanjie.tasks.Flows.finding(c.county, inspectionId, c.id(school), "PUBLICITY"), TODAY.plusDays(10)));
        body.put("evidenceRequired", true);
        String taskId = as("admin", c.county).body(body).post("/tasks").then().statusCode(201)
                .body("evidenceRequired", equalTo(true)).extract().path("id");
        act(liaison, "unit-liaison", school, taskId, "start", null, 200);
        act(liaison, "unit-liaison", school, taskId, "submit", Map.of("completionReport", "已整改"), 422)
                .then().body("type", equalTo("/problems/evidence-required"));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("state", equalTo("IN_PROGRESS"));

        // someone else's upload is not the submitter's to attach
        String foreign = upload(by("another-liaison", "unit-liaison", school), "x.pdf", TestFiles.pdf(3000), "application/pdf").path("id");
        act(liaison, "unit-liaison", school, taskId, "submit",
                Map.of("completionReport", "已整改", "evidence", List.of(foreign)), 422)
                .then().body("type", equalTo("/problems/file-not-attachable"))
                .body("errors.field", contains("evidence[0]"));
        by("another-liaison", "unit-liaison", school).get("/evidence/" + foreign).then().body("attachedTo", equalTo(null));
    }

    @Test
    void unattachedFilesAndAbandonedUploadsExpireButTakenOnesStay() throws Exception {
        String liaison = "liaison-sweep-" + countyCode();
        String free = upload(by(liaison, "unit-liaison", school), "free.pdf", TestFiles.pdf(3000), "application/pdf").path("id");
        String location = by(liaison, "unit-liaison", school).header("Tus-Resumable", "1.0.0").header("Upload-Length", 5000)
                .post("/evidence/uploads").then().statusCode(201).extract().header("Location");
        String path = location.substring(location.indexOf("/evidence/"));
        tusPatch(by(liaison, "unit-liaison", school), path, 0, Arrays.copyOfRange(TestFiles.pdf(6000), 0, 2000)).then().statusCode(204);
        String findingId = findingWithPhoto();
        String taken = as("inspector", c.county).get("/findings/" + findingId).path("evidence[0].id");

        files.sweep(Instant.now().plus(8, ChronoUnit.DAYS));

        by(liaison, "unit-liaison", school).get("/evidence/" + free).then().statusCode(404);
        by(liaison, "unit-liaison", school).header("Tus-Resumable", "1.0.0").head(path).then().statusCode(404);
        as("inspector", c.county).get("/evidence/" + taken + "/content").then().statusCode(200);
        assertEquals(0, filesOf(liaison));
    }

    /** An inspector's finding on the school, with a photo of what was found. */
    private String findingWithPhoto() {
        String inspector = "inspector-" + countyCode();
        byte[] photo = TestFiles.jpeg(640, 480, LocalDateTime.of(2026, 3, 20, 15, 0, 0), 31.48, 103.59);
        String photoId = upload(by(inspector, "inspector", c.county), "现场.jpg", photo, "image/jpeg").then().statusCode(201)
                .extract().path("id");
        String findingId = by(inspector, "inspector", c.county).contentType("application/json")
                .body(Map.of("unitId", c.id(school), "category", "PUBLICITY", "severity", "MEDIUM",
                        "description", "未制作宣传栏", "evidence", List.of(photoId)))
                .post("/inspections/" + inspectionId + "/findings").then().statusCode(201)
                .body("evidence.id", contains(photoId)).extract().path("id");
        // the school's liaison sees the finding's photo: it lies in their reach
        by("school-liaison", "unit-liaison", school).get("/evidence/" + photoId).then().statusCode(200)
                .body("attachedTo.kind", equalTo("finding"));
        return findingId;
    }

    static Response tusPatch(RequestSpecification who, String path, long offset, byte[] bytes) {
        return who.header("Tus-Resumable", "1.0.0").header("Upload-Offset", offset)
                .contentType("application/offset+octet-stream").body(bytes).patch(path);
    }

    /** A phone losing its network: the request announces all the bytes, sends {@code cut} of them, and is gone. */
    private static void sendAndDrop(String path, String token, byte[] bytes, int cut) throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
                    + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, cut);
            out.flush();
            Thread.sleep(300); // let the bytes leave before the connection dies
        }
    }

    private static long awaitOffset(String path, java.util.function.Supplier<RequestSpecification> who, long expected)
            throws InterruptedException {
        long offset = -1;
        for (int i = 0; i < 100 && offset != expected; i++) {
            Thread.sleep(100);
            offset = Long.parseLong(who.get().header("Tus-Resumable", "1.0.0").head(path)
                    .then().statusCode(200).extract().header("Upload-Offset"));
        }
        return offset;
    }
}
