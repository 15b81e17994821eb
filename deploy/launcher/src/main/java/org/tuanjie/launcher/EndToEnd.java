package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The suite as a county will run it, proven through the gateway only, with tokens from the real
 * identity server: an inspection to sign-off with photos as evidence, a resumable upload, an agreement from issue to assessment, the auditor's
 * checks (with the seal verified here, outside the service), the county platform's client
 * credentials, and another township that sees none of it.
 */
final class EndToEnd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final Api api;
    private final DemoData demo;
    private final Console console;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    EndToEnd(Api api, DemoData demo, Console console, Suite suite) {
        this.suite = suite;
        this.api = api;
        this.demo = demo;
        this.console = console;
    }

    /** @return the number of failed checks */
    int run() throws Exception {
        String admin = api.token("office-admin");
        String inspector = api.token("inspector-zhang");
        String secondInspector = api.token("inspector-li");
        String liaison = api.token("education-liaison");
        String leader = api.token("education-leader");
        String auditor = api.token("auditor-wang");
        String outsider = api.token("other-auditor");
        String platform = api.platformToken();
        String education = demo.id(DemoCounty.EDUCATION);

        // inspection → finding → task → submitted by the unit → verified by another inspector
        Api.Reply inspection = api.post(admin, "/api/v1/inspections", Map.of("title", "端到端检查：专项督查",
                "startDate", "2026-06-01", "endDate", "2026-06-02", "groups", List.of(Map.of("name", "第一督查组")),
                "unitIds", List.of(education)));
        check(inspection.status() == 201, "admin records an inspection (201)", inspection);
        String inspectionId = inspection.text("id");
        Api.Reply finding = api.post(admin, "/api/v1/inspections/" + inspectionId + "/findings", Map.of("unitId", education,
                "category", "CAPACITY", "severity", "HIGH", "description", "档案归类不规范"));
        check(finding.status() == 201, "admin records a finding (201)", finding);
        Api.Reply task = api.post(inspector, "/api/v1/tasks", Map.of("findingId", finding.text("id"), "title", "规范创建档案",
                "measures", "按测评指标重新归档", "responsiblePerson", "格桑",
                "deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).toString()));
        check(task.status() == 201, "inspector assigns a task (201)", task);
        String taskPath = "/api/v1/tasks/" + task.text("id");
        check(waiting(liaison, task.text("id"), "NEW_TASK", true), "the new task waits in the liaison's inbox", null);
        Api.Reply synced = api.get(liaison, "/api/v1/tasks/changes");
        // read in commit order, as the inbox: asked again while a transaction begun before the task's is still open
        for (int attempt = 0; attempt < 20 && !synced.raw().contains(task.text("id")); attempt++) {
            Thread.sleep(100);
            synced = api.get(liaison, "/api/v1/tasks/changes");
        }
        check(synced.status() == 200 && synced.raw().contains(task.text("id")), "the liaison's phone syncs it (tasks/changes)", synced);
        check(api.change(liaison, "POST", taskPath, "start", null).status() == 200, "the unit's liaison starts it", null);
        check(!waiting(liaison, task.text("id"), "NEW_TASK", false), "started: it no longer waits in the liaison's inbox", null);
        List<String> photos = submitWithPhotos(liaison, secondInspector, taskPath);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api.Reply subscribed = api.post(platform, "/api/v1/tasks/webhooks",
                    Map.of("url", receiver.url(), "types", List.of("org.tuanjie.task.verified")));
            check(subscribed.status() == 201, "county-platform subscribes a receiver to org.tuanjie.task.verified", subscribed);
            Api.Reply verified = api.change(secondInspector, "POST", taskPath, "verify", null);
            check(verified.status() == 200 && "VERIFIED".equals(verified.text("state")), "another inspector verifies it (销号)", verified);
            List<WebhookReceiver.Delivery> deliveries = receiver.await(Duration.ofSeconds(20));
            JsonNode event = deliveries.isEmpty() ? null : JSON.readTree(deliveries.get(0).body());
            check(event != null && "org.tuanjie.task.verified".equals(event.path("type").asText())
                    && event.path("data").path("taskId").asText().equals(task.text("id"))
                    && WebhookReceiver.signedWith(subscribed.text("secret"), deliveries.get(0)),
                    "the receiver gets task.verified, signed with the subscription's secret (Standard Webhooks)", null);
        }
        for (String photo : photos) {
            Api.Reply deleted = api.exchange(liaison, "DELETE", "/api/v1/evidence/" + photo, Map.of(), null);
            check(deleted.status() == 409 && deleted.raw().contains("file-frozen"),
                    "verified: the liaison may not delete the evidence " + photo + " (409 file-frozen)", deleted);
        }
        new IntegratorStory(api.gateway(), (ok, what, seen) -> check(ok, what + (ok ? "" : " — saw " + seen), null))
                .run(admin, inspector, secondInspector, liaison, inspectionId, education);
        resumableUpload(liaison);
        dossierWithFiles(liaison, auditor, outsider, education);

        // agreement: issue → sign by the unit leader → countersign → assess
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        Map<String, Object> template = Map.of("year", year, "title", year + "年度目标责任书（端到端）",
                "clauses", List.of("乙方主要负责人为第一责任人"),
                "targets", List.of(Map.of("code", "T1", "title", "整改销号", "weight", 60, "measure", "TASKS_VERIFIED"),
                        Map.of("code", "T2", "title", "宣传活动", "weight", 40, "measure", "MANUAL")),
                "adjustments", List.of(), "passMark", 60);
        Api.Reply created = api.post(admin, "/api/v1/templates", template);
        check(created.status() == 201, "admin writes a template", created);
        String templatePath = "/api/v1/templates/" + created.text("id");
        check(api.change(admin, "POST", templatePath, "publish", null).status() == 200, "admin publishes it", null);
        Api.Reply issued = api.post(admin, templatePath + "/issue", Map.of("unitIds", List.of(education)));
        check(issued.status() == 200 && issued.body().path("created").size() == 1, "admin issues it to the unit", issued);
        Api.Reply again = api.post(admin, templatePath + "/issue", Map.of("unitIds", List.of(education)));
        check(again.status() == 200 && again.body().path("created").size() == 0, "issuing again creates no duplicate", again);
        String agreement = "/api/v1/agreements/" + issued.body().path("created").get(0).asText();
        check(api.change(liaison, "POST", agreement, "sign", null).status() == 403, "the liaison may not sign (403)", null);
        Api.Reply signed = api.change(leader, "POST", agreement, "sign", null);
        check(signed.status() == 200 && "SIGNED".equals(signed.text("state")), "the unit's principal leader signs", signed);
        Api.Reply active = api.change(admin, "POST", agreement, "countersign", null);
        check(active.status() == 200 && "ACTIVE".equals(active.text("state")), "the county countersigns", active);
        JsonNode countersignature = null;
        for (JsonNode s : api.get(auditor, agreement + "/signatures").body()) {
            if ("COUNTERSIGN".equals(s.path("kind").asText())) {
                countersignature = s;
            }
        }
        check(countersignature != null && "513330000000".equals(countersignature.path("signerUnitCode").asText())
                && "PARTY_A".equals(countersignature.path("onBehalfOf").asText())
                && "admin".equals(countersignature.path("signerRole").asText())
                && countersignature.path("signerName").asText().contains("周明"),
                "the county's countersign seal names the county staff member (周明, 513330000000, party A)", null);
        Api.Reply assessed = api.change(admin, "POST", agreement, "assessment", Map.of("scores", Map.of("T2", Map.of("score", 35))));
        check(assessed.status() == 200 && assessed.body().has("result"), "admin assesses it (tasks-service and units-service asked)", assessed);

        // the auditor: trail, its chain, and the seals, verified by the service and here
        Api.Reply trail = api.get(auditor, "/api/v1/audit?agreementId=" + agreement.substring(agreement.lastIndexOf('/') + 1));
        List<String> actions = new ArrayList<>();
        trail.body().path("items").forEach(e -> actions.add(e.path("action").asText()));
        check(actions.equals(List.of("ISSUED", "SIGNED", "COUNTERSIGNED", "ASSESSED")), "the auditor reads the trail " + actions, trail);
        check(api.get(auditor, "/api/v1/audit/verification").body().path("valid").asBoolean(), "the audit chain verifies", null);
        Api.Reply verification = api.get(auditor, agreement + "/verification");
        check(verification.body().path("valid").asBoolean(), "the service verifies content and seals", verification);
        check(sealsVerifyOffline(auditor, agreement), "the seals verify offline with the published public key", null);

        // the county platform reads with client credentials
        Api.Reply platformRead = api.get(platform, agreement);
        check(platformRead.status() == 200, "county-platform (client credentials) reads the agreement", platformRead);
        check(api.post(platform, "/api/v1/templates", template).status() == 403, "county-platform may not write (403)", null);

        // another township sees nothing of it
        check(api.get(outsider, taskPath).status() == 404, "another township: task is 404", null);
        check(api.get(outsider, "/api/v1/evidence/" + photos.get(0)).status() == 404
                && api.download(outsider, "/api/v1/evidence/" + photos.get(0) + "/content").status() == 404,
                "another township: the task's photo and its bytes are 404", null);
        check(api.get(outsider, "/api/v1/inspections/" + inspectionId).status() == 404, "another township: inspection is 404", null);
        check(api.get(outsider, agreement).status() == 404, "another township: agreement is 404", null);
        check(api.get(outsider, "/api/v1/units/" + education).status() == 404, "another township: the unit is 404", null);
        check(api.get(outsider, "/api/v1/audit?agreementId=" + agreement.substring(agreement.lastIndexOf('/') + 1))
                .body().path("items").size() == 0, "another township: no trail entries", null);
        check(api.get(null, "/api/v1/agreements").status() == 401, "no token: 401 at the gateway", null);

        // a unit moved to another township takes its agreement along: the services follow units-service's changes
        // with their own identities (client credentials at Keycloak)
        String monastery = demo.id(DemoCounty.credit("71", 201));
        String monasteryAgreements = "/api/v1/agreements?unitId=" + monastery;
        String township = api.token("township-liaison");
        check(api.get(township, monasteryAgreements).body().path("items").size() > 0,
                "the monastery's township reads its agreement", null);
        String townshipAdmin = api.token("township-admin");
        String monasteryAgreement = "/api/v1/agreements/"
                + api.get(townshipAdmin, monasteryAgreements).body().path("items").get(0).path("id").asText();
        Api.Reply forged = api.change(townshipAdmin, "POST", monasteryAgreement, "countersign", null);
        check(forged.status() == 403, "a township admin may not countersign a county-issued agreement for the county (403)",
                forged);
        Api.Reply moved = api.change(admin, "POST", "/api/v1/units/" + monastery, "move",
                Map.of("parentId", demo.id(DemoCounty.TOWNSHIP_2)));
        check(moved.status() == 200, "admin moves the monastery to another township", moved);
        Api.Reply tasksFeed = api.post(admin, "/api/v1/tasks/unit-feed", Map.of());
        check(tasksFeed.status() == 200, "tasks-service reads the unit feed with its own token", tasksFeed);
        Api.Reply agreementsFeed = api.post(admin, "/api/v1/agreements/unit-feed", Map.of());
        check(agreementsFeed.status() == 200, "agreements-service reads the unit feed with its own token",
                agreementsFeed);
        check(api.get(township, monasteryAgreements).body().path("items").size() == 0,
                "the township it left no longer reads its agreement", null);
        check(api.get(outsider, monasteryAgreements).body().path("items").size() > 0,
                "the township it joined reads it", null);
        check(api.get(auditor, "/api/views/units/" + education).body().path("degraded").size() == 0,
                "the composed unit page answers complete", null);
        townshipPageCountsItsVillages(inspector, auditor);
        evidenceBundle(auditor, outsider);

        peopleAndTheirAccounts();
        newLeaderSignsAgain();
        identityServerDown();
        browser();
        fieldApp(inspectionId, education, demo.id(DemoCounty.TOWNSHIP_1));
        dashboard();
        monitoring();
        backupAndRestore();

        console.print(passed + " passed, " + failures.size() + " failed");
        return failures.size();
    }

    /**
     * The liaison photographs the work done and submits the task with that photo and an older one; the verifier
     * sees both on the task, the older flagged as taken before the task was assigned, downloads the new one through
     * the gateway (the same bytes) and reads when and where it was taken.
     *
     * @return the ids of the two photos
     */
    private List<String> submitWithPhotos(String liaison, String verifier, String taskPath) throws Exception {
        ZoneId county = ZoneId.of("Asia/Shanghai");
        // whole seconds, as EXIF has them, and after the task was assigned; the old one a year before
        LocalDateTime takenAt = LocalDateTime.now(county).withNano(0).plusSeconds(1);
        byte[] photo = PhonePhoto.jpeg(takenAt, 31.806, 98.58);
        byte[] oldPhoto = PhonePhoto.jpeg(takenAt.minusYears(1), 31.806, 98.58);
        Api.Reply uploaded = api.upload(liaison, "/api/v1/evidence", "宣传栏.jpg", "image/jpeg", photo);
        check(uploaded.status() == 201 && sha256(photo).equals(uploaded.text("sha256")),
                "the liaison uploads a photo through the gateway (multipart, 201, its SHA-256)", uploaded);
        Api.Reply old = api.upload(liaison, "/api/v1/evidence", "旧照片.jpg", "image/jpeg", oldPhoto);
        check(old.status() == 201, "the liaison uploads last year's photo of the same board", old);
        List<String> ids = List.of(String.valueOf(uploaded.text("id")), String.valueOf(old.text("id")));
        Api.Reply submitted = api.change(liaison, "POST", taskPath, "submit",
                Map.of("completionReport", "已重新归档，宣传栏照片见附件", "evidence", ids));
        check(submitted.status() == 200, "the unit's liaison submits it with the two photos as evidence", submitted);

        Api.Reply seen = api.get(verifier, taskPath);
        List<String> listed = new ArrayList<>();
        List<Boolean> predates = new ArrayList<>();
        seen.body().path("evidence").forEach(e -> {
            listed.add(e.path("file").path("id").asText());
            predates.add(e.path("predatesTask").asBoolean());
        });
        check(listed.equals(ids) && predates.equals(List.of(false, true)),
                "the verifier sees both photos on the task, last year's flagged as predating it " + predates, seen);
        Api.Download download = api.download(verifier, "/api/v1/evidence/" + ids.get(0) + "/content");
        check(download.status() == 200 && sha256(download.bytes()).equals(sha256(photo))
                && download.headers().firstValue("ETag").orElse("").equals("\"" + sha256(photo) + "\""),
                "the verifier downloads the photo through the gateway: the same SHA-256, and it is the ETag", null);
        JsonNode capture = api.get(verifier, "/api/v1/evidence/" + ids.get(0)).body().path("capture");
        Instant expected = takenAt.atZone(county).toInstant();
        check(capture.path("takenAt").isTextual() && Instant.parse(capture.path("takenAt").asText()).equals(expected)
                && Math.abs(capture.path("latitude").asDouble() - 31.806) < 1e-4
                && Math.abs(capture.path("longitude").asDouble() - 98.58) < 1e-4,
                "the verifier reads the photo's EXIF: taken " + expected + " at 31.806 N, 98.58 E " + capture, null);
        return ids;
    }

    /**
     * A file sent in pieces through the gateway as a phone on a weak network sends it (tus 1.0): created, half sent,
     * the offset asked for, a resend from the wrong offset refused, the rest sent; then the whole file downloaded
     * with the same SHA-256. A browser app on another origin is let through the preflight with the tus headers.
     */
    private void resumableUpload(String liaison) throws Exception {
        byte[] document = new byte[3 * 1024 * 1024 + 321];
        new Random(15).nextBytes(document);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, document, 0, header.length);
        String name = Base64.getEncoder().encodeToString("整改台账.pdf".getBytes(StandardCharsets.UTF_8));
        Api.Reply created = api.exchange(liaison, "POST", "/api/v1/evidence/uploads", Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", Integer.toString(document.length), "Upload-Metadata", "filename " + name), null);
        String location = created.header("Location");
        String uploads = "http://127.0.0.1:" + Suite.GATEWAY_PORT + "/api/v1/evidence/uploads/";
        check(created.status() == 201 && location != null && location.startsWith(uploads),
                "tus through the gateway: an upload is created, its Location on the gateway (" + location + ")", created);
        if (created.status() != 201 || location == null) {
            return;
        }
        String upload = URI.create(location).getPath();
        int half = document.length / 2;
        Api.Reply first = patch(liaison, upload, 0, Arrays.copyOfRange(document, 0, half));
        check(first.status() == 204 && String.valueOf(half).equals(first.header("Upload-Offset")),
                "tus: the first half is received (Upload-Offset " + half + ")", first);
        Api.Reply state = api.exchange(liaison, "HEAD", upload, Map.of("Tus-Resumable", "1.0.0"), null);
        check(state.status() == 200 && String.valueOf(half).equals(state.header("Upload-Offset")),
                "tus: HEAD tells where the upload stands (" + state.header("Upload-Offset") + ")", state);
        Api.Reply wrong = patch(liaison, upload, 0, Arrays.copyOfRange(document, 0, 1024));
        check(wrong.status() == 409, "tus: bytes sent from a wrong offset are refused (409)", wrong);
        Api.Reply rest = patch(liaison, upload, half, Arrays.copyOfRange(document, half, document.length));
        String file = rest.header("Location");
        check(rest.status() == 204 && String.valueOf(document.length).equals(rest.header("Upload-Offset")) && file != null,
                "tus: the rest completes the file", rest);
        if (file == null) {
            return;
        }
        String filePath = URI.create(file).getPath();
        Api.Reply stored = api.get(liaison, filePath);
        Api.Download download = api.download(liaison, filePath + "/content");
        check(sha256(document).equals(stored.text("sha256")) && "application/pdf".equals(stored.text("mediaType"))
                && download.status() == 200 && sha256(download.bytes()).equals(sha256(document)),
                "tus: the stored file and its download have the sent bytes' SHA-256", stored);

        String app = "http://localhost:8100";
        Api.Reply preflight = api.exchange(null, "OPTIONS", upload, Map.of("Origin", app,
                "Access-Control-Request-Method", "PATCH",
                "Access-Control-Request-Headers", "authorization,content-type,tus-resumable,upload-offset"), null);
        String allowed = String.valueOf(preflight.header("Access-Control-Allow-Headers")).toLowerCase(Locale.ROOT);
        check(preflight.status() == 200 && app.equals(preflight.header("Access-Control-Allow-Origin"))
                && String.valueOf(preflight.header("Access-Control-Allow-Methods")).contains("PATCH")
                && List.of("tus-resumable", "upload-offset", "upload-length", "upload-metadata").stream().allMatch(allowed::contains),
                "CORS: the app's origin may PATCH with the tus headers (preflight: " + allowed + ")", preflight);
        Api.Reply fromApp = api.exchange(liaison, "HEAD", upload, Map.of("Tus-Resumable", "1.0.0", "Origin", app), null);
        String exposed = String.valueOf(fromApp.header("Access-Control-Expose-Headers")).toLowerCase(Locale.ROOT);
        check(exposed.contains("upload-offset") && exposed.contains("location"),
                "CORS: the app may read Upload-Offset and Location (" + exposed + ")", fromApp);
    }

    /** The unit's dossier (创建档案): a document with its scan and an activity with its photo, filed and counted. */
    private void dossierWithFiles(String liaison, String auditor, String outsider, String unitId) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        byte[] scan = ("%PDF-1.4\n% 端到端：领导小组文件\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Reply scanned = api.upload(liaison, "/api/v1/attachments", "领导小组文件.pdf", "application/pdf", scan);
        check(scanned.status() == 201 && "application/pdf".equals(scanned.text("mediaType")),
                "the liaison uploads a document's scan for the dossier (201, judged a PDF from its bytes)", scanned);
        Map<String, Object> document = new java.util.HashMap<>(Map.of("number", "端到端发〔" + today.getYear() + "〕"
                + ThreadLocalRandom.current().nextInt(1, 1_000_000) + "号", "title", "关于成立民族团结进步创建工作领导小组的通知",
                "date", today.toString(), "issuer", "县教育局", "indicatorCodes", List.of("1.1")));
        document.put("files", List.of(scanned.text("id")));
        Api.Reply filed = api.post(liaison, "/api/v1/units/" + unitId + "/dossier/documents", document);
        check(filed.status() == 201 && filed.body().path("files").path(0).path("sha256").asText().equals(sha256(scan)),
                "the liaison files the document under indicator 1.1 with its scan (201, same SHA-256)", filed);

        byte[] photo = PhonePhoto.jpeg(today.atTime(9, 30), 28.48, 98.91);
        Api.Reply uploaded = api.upload(liaison, "/api/v1/attachments", "宣传活动.jpg", "image/jpeg", photo);
        Map<String, Object> activity = new java.util.HashMap<>(Map.of("kind", "PUBLICITY", "title", "民族团结进步宣传月（端到端）",
                "date", today.toString(), "place", "学校操场", "attendees", 120, "indicatorCodes", List.of("2.1")));
        activity.put("files", List.of(uploaded.text("id")));
        Api.Reply held = api.post(liaison, "/api/v1/units/" + unitId + "/dossier/activities", activity);
        check(held.status() == 201 && held.body().path("files").path(0).path("capture").path("takenAt").isTextual(),
                "the liaison files a publicity activity under indicator 2.1 with its photo (its EXIF time shown)", held);

        Api.Reply counts = api.get(auditor, "/api/v1/units/" + unitId + "/dossier/counts?from=" + today + "&to=" + today);
        long underActivity = 0;
        long underDocument = 0;
        for (JsonNode indicator : counts.body().path("indicators")) {
            underActivity += "2.1".equals(indicator.path("code").asText()) ? indicator.path("total").asLong() : 0;
            underDocument += "1.1".equals(indicator.path("code").asText()) ? indicator.path("total").asLong() : 0;
        }
        check(counts.status() == 200 && underActivity >= 1 && underDocument >= 1,
                "the auditor counts them under their indicators (2.1: " + underActivity + ", 1.1: " + underDocument + ")", counts);
        Api.Download copy = api.download(auditor, "/api/v1/attachments/" + scanned.text("id") + "/content");
        check(copy.status() == 200 && sha256(copy.bytes()).equals(sha256(scan)), "the auditor downloads the filed scan", null);
        check(api.get(outsider, "/api/v1/attachments/" + scanned.text("id")).status() == 404,
                "another township: the dossier's file is 404", null);
        indicators(liaison, unitId, today);
    }

    /**
     * The demo catalogue the loader imported and published: what it holds, what applies to the bureau, and the dossier
     * refusing a code outside it (the report's "archives filed wrongly").
     */
    private void indicators(String liaison, String unitId, LocalDate today) {
        Api.Reply catalogues = api.get(liaison, "/api/v1/indicator-catalogues?year=" + today.getYear());
        JsonNode published = catalogues.body().path(0);
        check(catalogues.status() == 200 && "PUBLISHED".equals(published.path("state").asText())
                && published.path("title").asText().contains("演示数据"),
                "the demo indicator catalogue of " + today.getYear() + " is published, labelled as demo data", catalogues);
        Api.Reply catalogue = api.get(liaison, "/api/v1/indicator-catalogues/" + published.path("id").asText());
        check(catalogue.status() == 200 && catalogue.body().path("totalPoints").asInt() == 100
                && catalogue.body().path("indicators").size() == 17,
                "it holds 17 indicators worth 100 points, as deploy/launcher/src/main/resources/demo/indicators.csv", catalogue);
        Api.Reply applicable = api.get(liaison, "/api/v1/units/" + unitId + "/indicators?year=" + today.getYear());
        List<String> codes = new ArrayList<>();
        applicable.body().path("indicators").forEach(i -> codes.add(i.path("code").asText()));
        check(applicable.status() == 200 && codes.contains("2.1") && !codes.contains("4.1") && !codes.contains("4.2"),
                "the bureau is judged by the county-wide indicators, not by those for schools and townships (4.x): " + codes,
                applicable);
        Api.Reply misfiled = api.post(liaison, "/api/v1/units/" + unitId + "/dossier/activities", Map.of("kind", "TRAINING",
                "title", "归错档的培训", "date", today.toString(), "indicatorCodes", List.of("4.1")));
        check(misfiled.status() == 400 && misfiled.raw().contains("indicatorCodes[0]"),
                "filing under an indicator that does not apply to the bureau is a field error (400 indicatorCodes[0])", misfiled);

        String scorecard = "/api/v1/units/" + unitId + "/scorecard";
        Api.Reply card = api.get(liaison, scorecard);
        JsonNode leadingGroup = row(card, "1.1");
        check(card.status() == 200 && card.body().path("points").asInt() == 80 && "SECURED".equals(leadingGroup.path("status").asText())
                && !card.body().path("ready").asBoolean() && card.body().path("reasons").size() > 0,
                "the bureau's scorecard through the gateway: 80 points apply (not the 4.x ones), 1.1 secured by the document "
                        + "filed, not ready, with its reasons (" + card.body().path("reasons").size() + ")", card);
        String inspector = api.token("inspector-zhang");
        Api.Reply review = api.post(inspector, scorecard + "/reviews", Map.of("code", "5.1", "score", 8, "note", "端到端评审"));
        Api.Reply after = api.get(liaison, scorecard);
        check(review.status() == 201 && row(after, "5.1").path("reviewScore").asInt() == 8
                && after.body().path("secured").decimalValue().subtract(card.body().path("secured").decimalValue()).intValue() == 8,
                "a county inspector reviews 5.1 (8 of 10): the bureau's secured points rise by 8", after);
        check(api.post(liaison, scorecard + "/reviews", Map.of("code", "5.1", "score", 10)).status() == 403,
                "the bureau's liaison may not review its own unit (403)", null);
        Api.Reply rollup = api.get(inspector, "/api/v1/units/" + demo.id(DemoCounty.COUNTY) + "/scorecard/rollup");
        check(rollup.status() == 200 && rollup.body().path("regions").size() == 10
                && rollup.body().path("departments").size() > 0 && rollup.body().path("regionSpread").path("groups").asInt() == 10
                && rollup.body().path("total").path("secured").decimalValue().signum() > 0,
                "the county's scorecards added up: 10 townships and the departments, each with the spread between them "
                        + "(townships: " + rollup.body().path("regionSpread") + ")", rollup);
        ledgerHistory(inspector, today);
        inspectionBulletin(inspector);
    }

    /**
     * The county inspector prints the March inspection's bulletin through the gateway: read back, every finding stands
     * under its category (one numbered heading each, 一 first) and its unit, in its own words, and the figures are the
     * figures API's. The document is kept beside the screenshots.
     */
    private void inspectionBulletin(String inspector) {
        String march = null;
        for (JsonNode inspection : api.get(inspector, "/api/v1/inspections?limit=100").body().path("items")) {
            march = "2026年3月民族团结进步创建工作督查".equals(inspection.path("title").asText()) ? inspection.path("id").asText() : march;
        }
        Api.Download docx = api.download(inspector, "/api/v1/inspections/" + march + "/bulletin.docx?reference="
                + java.net.URLEncoder.encode("德民创办通〔2026〕3号", java.nio.charset.StandardCharsets.UTF_8));
        Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.bytes()))) {
            List<String> current = null;
            for (var paragraph : document.getParagraphs()) {
                if ("Heading2".equals(paragraph.getStyle())) {
                    current = new java.util.ArrayList<>();
                    sections.put(paragraph.getText(), current);
                } else if ("Heading1".equals(paragraph.getStyle())) {
                    current = null;
                } else if (current != null) {
                    current.add(paragraph.getText());
                }
                text.append(paragraph.getText()).append('\n');
            }
            Path kept = Path.of(System.getenv().getOrDefault("TUANJIE_SCREENSHOT", "deploy/launcher/target/e2e-swagger-ui.png"))
                    .toAbsolutePath().resolveSibling("e2e-bulletin.docx");
            java.nio.file.Files.createDirectories(kept.getParent());
            java.nio.file.Files.write(kept, docx.bytes());
        } catch (java.io.IOException | RuntimeException unreadable) {
            check(false, "the March bulletin reads as a Word document: " + unreadable, null);
        }
        Map<String, String> sectionOfCategory = new java.util.HashMap<>();
        boolean everyFinding = true;
        int findings = 0;
        for (JsonNode finding : api.get(inspector, "/api/v1/inspections/" + march + "/findings?limit=500").body().path("items")) {
            findings++;
            String line = finding.path("unit").path("name").asText() + "：";
            String words = finding.path("description").asText().strip().replaceAll("[。；;.\\s]+$", "");
            String found = null;
            for (Map.Entry<String, List<String>> section : sections.entrySet()) {
                found = section.getValue().stream().anyMatch(p -> p.matches("\\d+\\. .*") && p.contains(line) && p.contains(words))
                        ? section.getKey() : found;
            }
            String category = finding.path("category").asText();
            String before = found == null ? null : sectionOfCategory.putIfAbsent(category, found);
            everyFinding &= found != null && (before == null || before.equals(found));
        }
        List<String> headings = List.copyOf(sections.keySet());
        bulletinAsPdf(inspector, march, sections);
        JsonNode figures = api.get(inspector, "/api/v1/figures?inspectionId=" + march).body().path("total");
        check(docx.status() == 200 && findings > 0 && everyFinding && headings.size() == sectionOfCategory.size()
                && new java.util.HashSet<>(sectionOfCategory.values()).size() == headings.size()
                && !headings.isEmpty() && headings.get(0).startsWith("（一）") && text.toString().startsWith("德民创办通〔2026〕3号\n")
                && text.toString().contains("交办整改任务" + figures.path("total").asInt() + "项，已整改销号" + figures.path("verified").asInt() + "项"),
                "the county inspector prints the March inspection's bulletin (.docx): its " + findings + " findings each under its "
                        + "category's heading (" + headings.size() + ": " + String.join(" ", headings) + ") and unit, the "
                        + "figures as the figures API counts them", null);
    }

    /**
     * The same bulletin as PDF says what the Word document says, paragraph for paragraph; its first page is kept as a
     * picture beside the screenshots (the README shows it).
     */
    private void bulletinAsPdf(String inspector, String march, Map<String, List<String>> sections) {
        Api.Download pdf = api.download(inspector, "/api/v1/inspections/" + march + "/bulletin.pdf?reference="
                + java.net.URLEncoder.encode("德民创办通〔2026〕3号", java.nio.charset.StandardCharsets.UTF_8));
        List<String> missing = new java.util.ArrayList<>();
        int pages = 0;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            pages = document.getNumberOfPages();
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
            sections.forEach((heading, paragraphs) -> java.util.stream.Stream.concat(java.util.stream.Stream.of(heading),
                    paragraphs.stream()).map(p -> p.replaceAll("\\s+", "")).filter(p -> !text.contains(p)).forEach(missing::add));
            Path kept = Path.of(System.getenv().getOrDefault("TUANJIE_SCREENSHOT", "deploy/launcher/target/e2e-swagger-ui.png"))
                    .toAbsolutePath().resolveSibling("e2e-bulletin-page-1.png");
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 110),
                    "png", kept.toFile());
        } catch (java.io.IOException | RuntimeException unreadable) {
            missing.add("(unreadable: " + unreadable + ")");
        }
        check(pdf.status() == 200 && pages > 0 && missing.isEmpty(), "the same bulletin as PDF (" + pages + " A4 pages) says "
                + "what the Word document says" + (missing.isEmpty() ? "" : "; missing: " + missing), null);
    }

    /**
     * The county office brings a line of its old ledger in, as Excel saves CSV on Chinese Windows (GBK): the task keeps
     * the ledger's days, and its timeline says when it was brought in.
     */
    private void ledgerHistory(String inspector, LocalDate today) {
        String title = "端到端导入的历史任务 " + java.time.Instant.now();
        String csv = "单位代码,问题类别,问题/任务,整改措施,责任人,整改时限,交办日期,销号日期,销号人\n"
                + DemoCounty.TOWNSHIP_2 + ",宣传," + title + ",设置宣传栏,李明," + today.minusDays(30) + ","
                + today.minusDays(60) + "," + today.minusDays(45) + ",王芳\n";
        Api.Reply imported = api.exchange(inspector, "POST", "/api/v1/ledger/import", Map.of("Content-Type", "text/csv"),
                csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        check(imported.status() == 200 && imported.body().path("tasks").asInt() == 1 && imported.body().path("verified").asInt() == 1,
                "a county inspector brings a line of the old ledger in (GBK CSV, signed off 45 days ago)", imported);
        Api.Reply listed = api.get(inspector, "/api/v1/tasks?unitId=" + demo.id(DemoCounty.TOWNSHIP_2) + "&state=VERIFIED&limit=200");
        String taskId = null;
        for (JsonNode task : listed.body().path("items")) {
            taskId = title.equals(task.path("title").asText()) ? task.path("id").asText() : taskId;
        }
        Api.Reply timeline = api.get(inspector, "/api/v1/tasks/" + taskId + "/timeline");
        JsonNode first = timeline.body().path(0);
        JsonNode last = timeline.body().path(timeline.body().size() - 1);
        check(taskId != null && java.time.OffsetDateTime.parse(first.path("at").asText()).atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                        .toLocalDate().equals(today.minusDays(60))
                && java.time.OffsetDateTime.parse(first.path("recordedAt").asText()).atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                        .toLocalDate().equals(today)
                && "王芳".equals(last.path("detail").path("verifier").asText()),
                "its timeline keeps the ledger's days (assigned 60 days ago) and says it was recorded today, signed off by 王芳",
                timeline);
    }

    private static JsonNode row(Api.Reply card, String code) {
        for (JsonNode row : card.body().path("indicators")) {
            if (code.equals(row.path("code").asText())) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private Api.Reply patch(String token, String upload, long offset, byte[] bytes) {
        return api.exchange(token, "PATCH", upload, Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", Long.toString(offset),
                "Content-Type", "application/offset+octet-stream"), bytes);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * The county's auditor takes away the demo county's evidence bundle through the gateway (tasks and agreements in
     * one ZIP) and checks it offline with the verifier auditors run, and the agreements' part alone likewise; a byte
     * changed in any file is named; a township's auditor cannot read the county's.
     */
    private void evidenceBundle(String auditor, String outsider) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Reply asked = api.post(auditor, "/api/v1/bundles", Map.of("unitId", demo.id(DemoCounty.COUNTY),
                "from", today.minusYears(1).toString(), "to", today.toString()));
        check(asked.status() == 202, "the county's auditor asks for the county's evidence bundle (202)", asked);
        String status = "/api/v1/bundles/" + asked.text("id");
        Api.Reply bundle = asked;
        for (int i = 0; i < 300 && "BUILDING".equals(bundle.text("state")); i++) {
            Thread.sleep(200);
            bundle = api.get(auditor, status);
        }
        check("READY".equals(bundle.text("state")), "it is built in the background (" + bundle.text("tasks") + " tasks, "
                + bundle.text("files") + " files, " + bundle.text("size") + " bytes)", bundle);
        Api.Download zip = api.download(auditor, status + "/content");
        org.tuanjie.bundle.BundleVerifier.Report report = Bundles.verify(zip.bytes());
        check(zip.status() == 200 && report.valid() && report.chainEntriesChecked() > 0, "downloaded through the gateway, it "
                + "verifies offline, the timelines' and the audit trail's hash chains included (" + report.chainEntriesChecked()
                + " links)" + (report.valid() ? "" : ": " + report.problems()), null);
        List<String> names = Bundles.entryNames(zip.bytes());
        long agreementsIn = names.stream().filter(n -> n.matches("agreements/[^/]+/signatures\\.json")).count();
        check(agreementsIn > 0 && report.sealsChecked() > 0 && names.contains("audit/chain.jsonl")
                && names.contains("timeline/chain.jsonl") && names.contains("history/chain.jsonl")
                && names.contains("ledger.xlsx"), "it is one bundle: the ledger, the tasks, the county's " + agreementsIn
                + " agreements with their " + report.sealsChecked() + " seals, and the timelines', audit trail's and "
                + "units' history chains, under one sealed manifest", null);
        // one file of each kind (README, ledger, keys, manifest and its seal, a task, a timeline, an evidence file…)
        Bundles.Tampered tampered = Bundles.changeEachKindOfFile(zip.bytes());
        check(tampered.unnamed().isEmpty(), "a byte changed in any of its files is reported with that file's name ("
                + tampered.kinds() + " kinds of file tried)" + (tampered.unnamed().isEmpty() ? "" : "; not: " + tampered.unnamed()), null);
        check(api.get(outsider, status).status() == 404, "a township's auditor does not read the county's bundle (404)", null);

        String agreementsPart = "/api/v1/audit/bundle.zip?unitId=" + demo.id(DemoCounty.COUNTY) + "&from="
                + today.minusYears(1) + "&to=" + today;
        Api.Download agreements = api.download(auditor, agreementsPart);
        org.tuanjie.bundle.BundleVerifier.Report proven = Bundles.verify(agreements.bytes());
        check(agreements.status() == 200 && proven.valid() && proven.sealsChecked() > 0 && proven.chainEntriesChecked() > 0,
                "the agreements' part alone, streamed by agreements-service, verifies offline too (" + proven.sealsChecked()
                        + " seals, " + proven.chainEntriesChecked() + " audit chain entries)"
                        + (proven.valid() ? "" : ": " + proven.problems()), null);
        check(api.download(outsider, agreementsPart).status() == 404, "and a township's auditor cannot take it (404)", null);
    }

    /**
     * A person recorded by the county office gets an account that reaches their unit and nothing above it, a township
     * admin can neither hand out the county's roles nor record people outside its township, and a person who left
     * can no longer log in.
     */
    private void peopleAndTheirAccounts() {
        String admin = api.token("office-admin");
        String townshipAdmin = api.token("township-admin");
        String village = demo.id(DemoCounty.village(DemoCounty.TOWNSHIP_1, 1));
        String township = demo.id(DemoCounty.TOWNSHIP_1);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // Keycloak keeps its users across runs of this check, units-service's database does not: a fresh username each time
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String username = "village-liaison-" + suffix;

        Api.Reply inspector = api.post(townshipAdmin, "/api/v1/units/" + township + "/people",
                person("STAFF", today, "township-inspector-" + suffix, "inspector"));
        check(inspector.status() == 403, "a township admin may not hand out the role inspector (403)", inspector);
        Api.Reply elsewhere = api.post(townshipAdmin, "/api/v1/units/" + demo.id(DemoCounty.village(DemoCounty.TOWNSHIP_2, 1))
                + "/people", person("LIAISON", today, "maisu-liaison-" + suffix, "unit-liaison"));
        check(elsewhere.status() == 404, "a township admin records nobody in another township (404)", elsewhere);

        Map<String, Object> liaisonAccount = person("LIAISON", today, username, "unit-liaison");
        String temporary = ((Map<?, ?>) liaisonAccount.get("account")).get("temporaryPassword").toString();
        Api.Reply created = api.post(admin, "/api/v1/units/" + village + "/people", liaisonAccount);
        check(created.status() == 201 && "ACTIVE".equals(created.body().path("account").path("state").asText()),
                "admin records a village liaison with an account and a temporary password", created);
        if (created.status() != 201) {
            return;
        }
        Api.Reply early = api.passwordGrant(username, temporary);
        check(early.status() == 400, "before the first login the temporary password gives no token", early);
        try {
            api.firstLogin(username, temporary);
            check(true, "the liaison's first login at Keycloak's pages replaces the temporary password", null);
        } catch (RuntimeException e) {
            check(false, "the liaison's first login: " + e.getMessage(), null);
            return;
        }
        Api.Reply login = api.passwordGrant(username, Api.PASSWORD);
        check(login.status() == 200, "the liaison logs in with the new password", login);
        String liaison = login.text("access_token");
        check(api.get(liaison, "/api/v1/units/" + village).status() == 200, "the liaison reads the village (200)", null);
        check(api.get(liaison, "/api/v1/units/" + township).status() == 404, "the liaison does not see the township (404)", null);
        List<String> listed = new ArrayList<>();
        api.get(liaison, "/api/v1/units").body().path("items").forEach(u -> listed.add(u.path("id").asText()));
        check(listed.equals(List.of(village)), "the liaison's unit list is the village alone " + listed, null);

        Api.Reply left = api.change(admin, "POST", "/api/v1/units/" + village + "/people/" + created.text("id"), "leave",
                Map.of("on", today));
        check(left.status() == 200, "admin records that the liaison left today", left);
        Api.Reply refused = api.passwordGrant(username, Api.PASSWORD);
        check(refused.status() == 400 || refused.status() == 401, "the liaison who left can no longer log in", refused);
    }

    /**
     * The township's principal leader changes: agreements-service learns it from units-service's change feed and
     * flags the agreement the former leader signed; the former leader may not sign again, the new one does.
     */
    private void newLeaderSignsAgain() {
        String admin = api.token("office-admin");
        String formerLeader = api.token("township-leader");
        String township = demo.id(DemoCounty.TOWNSHIP_1);
        String agreement = "/api/v1/agreements/" + demo.agreementOf(admin, DemoCounty.TOWNSHIP_1);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String username = "gengqing-leader-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        Map<String, Object> leader = person("LEADER", today, username, "unit-leader");
        String temporary = ((Map<?, ?>) leader.get("account")).get("temporaryPassword").toString();
        Api.Reply recorded = api.post(admin, "/api/v1/units/" + township + "/people", leader);
        check(recorded.status() == 201, "admin records the township's new principal leader with an account", recorded);
        check(recorded.status() == 201 && recorded.text("id").equals(api.get(admin, "/api/v1/units/" + township).body()
                .path("principalLeader").path("personId").asText()), "the township shows its new principal leader", null);
        check(api.post(admin, "/api/v1/agreements/unit-feed", Map.of()).status() == 200,
                "agreements-service reads the change of leader from the unit feed", null);
        Api.Reply flagged = api.get(admin, agreement);
        check(flagged.body().path("resigningNeeded").asBoolean(),
                "the agreement the former leader signed is flagged: leader changed, re-signing needed", flagged);
        check(api.change(formerLeader, "POST", agreement, "sign", null).status() == 403,
                "the former leader may not sign it again (403)", null);
        try {
            String newLeader = api.firstLogin(username, temporary);
            Api.Reply signed = api.change(newLeader, "POST", agreement, "sign", null);
            check(signed.status() == 200 && !signed.body().path("resigningNeeded").asBoolean()
                    && "ACTIVE".equals(signed.text("state")), "the new principal leader signs it again; it stays in force",
                    signed);
        } catch (RuntimeException e) {
            check(false, "the new leader's first login: " + e.getMessage(), null);
        }
    }

    /**
     * Keycloak stopped while an office records a person with an account: a 503, no person recorded, and nothing
     * left at Keycloak, so the same person and username go through once it is back.
     */
    private void identityServerDown() {
        String admin = api.token("office-admin");
        String village = demo.id(DemoCounty.village(DemoCounty.TOWNSHIP_2, 1));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String username = "outage-liaison-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        Map<String, Object> person = person("STAFF", today, username, "unit-liaison");
        String people = "/api/v1/units/" + village + "/people";
        try {
            suite.withKeycloakStopped(() -> {
                Api.Reply refused = api.post(admin, people, person);
                check(refused.status() == 503 && refused.raw().contains("identity-unavailable"),
                        "Keycloak stopped: recording a person with an account answers 503 identity-unavailable", refused);
                List<String> names = new ArrayList<>();
                api.get(admin, people).body().forEach(p -> names.add(p.path("account").path("username").asText()));
                check(!names.contains(username), "Keycloak stopped: no person recorded without their account", null);
            });
        } catch (Exception e) {
            check(false, "Keycloak stopped and started again: " + e.getMessage(), null);
            return;
        }
        Api.Reply again = api.post(admin, people, person);
        check(again.status() == 201, "Keycloak back: the same person and username go through, nothing was left behind",
                again);
    }

    private static Map<String, Object> person(String role, String from, String username, String accountRole) {
        return Map.of("role", role, "nameZh", "达瓦", "position", "联络员", "from", from,
                "account", Map.of("username", username, "roles", List.of(accountRole), "temporaryPassword", Api.temporaryPassword()));
    }

    /** Whether an item of {@code kind} about the task waits (unresolved) in the inbox a first sync shows the caller. */
    /**
     * Whether the item waits (unresolved) in the caller's inbox, as {@code expected} says it should. The inbox is read
     * in commit order: a change shows once every transaction that began before it has ended (any other write of the
     * service, the timelines' chain linking a batch), a moment later; so this asks again for up to two seconds.
     */
    private boolean waiting(String token, String taskId, String kind, boolean expected) throws InterruptedException {
        boolean found = !expected;
        for (int attempt = 0; attempt < 20 && found != expected; attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            found = false;
            for (JsonNode item : api.get(token, "/api/v1/tasks/inbox").body().path("items")) {
                found |= taskId.equals(item.path("taskId").asText()) && kind.equals(item.path("kind").asText())
                        && !item.hasNonNull("resolvedAt");
            }
        }
        return found;
    }

    /**
     * The operators' dashboard and alert rules name only metrics the running suite exposes: each application's
     * /q/metrics (the gateway's on its management port), after the story above made every kind of request.
     */
    private void monitoring() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        java.util.Set<String> exposed = new java.util.TreeSet<>(MonitoringFiles.SCRAPE_METRICS);
        for (var app : Suite.SERVICES.entrySet()) {
            int port = app.getKey().equals("gateway") ? Suite.GATEWAY_MANAGEMENT_PORT : app.getValue();
            var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200, app.getKey() + " exposes its metrics", null);
            exposed.addAll(MonitoringFiles.exposed(response.body()));
        }
        List<String> unknown = new ArrayList<>();
        for (MonitoringFiles.Query query : MonitoringFiles.queries(suite.root().resolve("deploy/observability"))) {
            MonitoringFiles.metricsIn(query.expr()).stream().filter(m -> !exposed.contains(m))
                    .forEach(m -> unknown.add(query.where() + ": " + m));
        }
        check(unknown.isEmpty(), "the Grafana dashboard and the alert rules read only metrics the suite exposes"
                + (unknown.isEmpty() ? "" : " — not exposed: " + unknown), null);
    }

    /** A township's page counts the open tasks of its villages too, not only its own. */
    private void townshipPageCountsItsVillages(String inspector, String auditor) {
        String township = demo.id(DemoCounty.TOWNSHIP_1);
        String village = demo.id(DemoCounty.village(DemoCounty.TOWNSHIP_1, 1));
        Api.Reply meeting = api.post(inspector, "/api/v1/tasks", Map.of("unitId", village, "category", "PUBLICITY",
                "title", "村级宣传栏更新（推进会决定）", "measures", "更新村委会宣传栏", "responsiblePerson", "村支书",
                "deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15).toString()));
        JsonNode counts = api.get(auditor, "/api/views/units/" + township).body().path("openTasks").path("counts");
        int onPage = counts.path("RED").asInt() + counts.path("YELLOW").asInt() + counts.path("GREEN").asInt();
        String open = "&limit=500&state=ASSIGNED&state=IN_PROGRESS&state=SUBMITTED&state=REJECTED&state=HANDED_BACK";
        int within = api.get(auditor, "/api/v1/tasks?within=" + township + open).body().path("items").size();
        int own = api.get(auditor, "/api/v1/tasks?unitId=" + township + open).body().path("items").size();
        check(meeting.status() == 201 && onPage == within && within > own,
                "a township's page counts its villages' open tasks too (" + onPage + " of " + within + ", its own " + own + ")", meeting);
    }

    /** Required where CI runs (CI=true); elsewhere the browser checks run when Debian's chromium is installed. */
    private boolean browserFor(String what) {
        if (Browser.available()) {
            return true;
        }
        if ("true".equals(System.getenv("CI"))) {
            check(false, what + ": /usr/bin/chromium and /usr/bin/chromedriver are missing", null);
        } else {
            console.step("- " + what + ": not checked here (apt-get install chromium chromium-driver)");
        }
        return false;
    }

    private void browser() {
        if (!browserFor("Swagger UI in a browser")) {
            return;
        }
        Path screenshot = Path.of(System.getenv().getOrDefault("TUANJIE_SCREENSHOT", "deploy/launcher/target/e2e-swagger-ui.png"))
                .toAbsolutePath();
        try {
            Suite.BrowserAddress address = suite.browserAddress();
            String result = Browser.auditorTriesItOut(address.gateway(), address.keyPin(), "auditor-wang", Api.PASSWORD,
                    screenshot);
            check(result.equals("200 with items"), "the auditor logs in to Swagger UI through Keycloak and tries GET /api/v1/agreements: "
                    + result + " (screenshot " + screenshot + ")", null);
        } catch (Exception e) {
            check(false, "Swagger UI in a browser: " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""), null);
        }
    }

    /** The field app on phones, screens kept in deploy/launcher/target/app-screens (or TUANJIE_SCREENS). */
    private void fieldApp(String inspectionId, String education, String township) {
        if (!browserFor("the field app in a phone browser")) {
            return;
        }
        Path screens = Path.of(System.getenv().getOrDefault("TUANJIE_SCREENS", "deploy/launcher/target/app-screens")).toAbsolutePath();
        try {
            new FieldAppStory(api, suite.browserAddress(), screens, (ok, what, seen) -> check(ok, what + (ok || seen == null ? "" : " — saw " + seen), null))
                    .run(inspectionId, education, township);
        } catch (Exception e) {
            check(false, "the field app: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** The dashboard in a desktop browser, its views kept beside the field app's screens. */
    private void dashboard() {
        if (!browserFor("the dashboard in a browser")) {
            return;
        }
        Path screens = Path.of(System.getenv().getOrDefault("TUANJIE_SCREENS", "deploy/launcher/target/app-screens")).toAbsolutePath();
        try {
            new DashboardStory(suite.browserAddress(), screens, (ok, what, seen) -> check(ok, what + (ok || seen == null ? "" : " — saw " + seen), null))
                    .run("office-admin");
        } catch (Exception e) {
            check(false, "the dashboard: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private boolean sealsVerifyOffline(String token, String agreement) throws Exception {
        String pem = api.get(null, "/api/v1/seal/public-key").body().path("pem").asText();
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        String canonical = api.get(token, agreement + "/canonical-content").raw();
        String hash = sha256(canonical.getBytes(StandardCharsets.UTF_8));
        if (!hash.equals(api.get(token, agreement).text("contentHash"))) {
            return false;
        }
        JsonNode signatures = api.get(token, agreement + "/signatures").body();
        for (JsonNode s : signatures) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(s.path("sealedPayload").asText().getBytes(StandardCharsets.UTF_8));
            if (!s.path("contentHash").asText().equals(hash) || !verifier.verify(Base64.getDecoder().decode(s.path("seal").asText()))) {
                return false;
            }
        }
        return signatures.size() == 2;
    }

    /**
     * deploy/README.md's restore, proven on this run's suite: the applications stopped, a base backup of the running
     * PostgreSQL with its WAL archived, restored into a new one that replays the archive, the applications started on
     * it; every table holds the same rows, and every agreement's content and seals and the audit chain verify.
     */
    private void backupAndRestore() throws Exception {
        if (!suite.walArchived()) {
            console.step("backup and restore: not run (PostgreSQL is not the launcher's)");
            return;
        }
        String auditor = api.token("auditor-wang");
        JsonNode chainBefore = api.get(auditor, "/api/v1/audit/verification").body();
        check(chainBefore.path("valid").asBoolean(), "the audit chain verifies before the backup", null);
        List<String> agreements = suite.column("agreements", "select id from agreement order by id");
        suite.stopApplications();
        Map<String, Long> before = suite.rowCounts();
        int port = suite.backupAndRestore();
        // counted before the applications start on it: at start they link and checkpoint their chains' new heads
        Map<String, Long> after = suite.rowCounts();
        long rows = after.values().stream().mapToLong(Long::longValue).sum();
        check(before.equals(after) && before.size() > 30 && rows > 500, "the restored databases hold the same rows: "
                + after.size() + " tables, " + rows + " rows", null);
        if (!before.equals(after)) {
            before.forEach((table, count) -> {
                if (!count.equals(after.get(table))) {
                    console.fail(table + ": " + count + " before, " + after.get(table) + " restored");
                }
            });
        }
        suite.startApplications(port);
        String restoredAuditor = api.token("auditor-wang");
        List<String> invalid = new ArrayList<>();
        for (String id : agreements) {
            Api.Reply verification = api.get(restoredAuditor, "/api/v1/agreements/" + id + "/verification");
            if (verification.status() != 200 || !verification.body().path("valid").asBoolean()) {
                invalid.add(id + " (" + verification.status() + " " + verification.raw() + ")");
            }
        }
        check(!agreements.isEmpty() && invalid.isEmpty(), "every agreement's content and seals verify on the restored database ("
                + agreements.size() + ")" + (invalid.isEmpty() ? "" : ": not " + invalid), null);
        Api.Reply chain = api.get(restoredAuditor, "/api/v1/audit/verification");
        check(chain.body().path("valid").asBoolean() && chain.body().path("checked").asLong() > 0
                && chain.body().path("checked").asLong() == chainBefore.path("checked").asLong()
                && chain.body().path("to").asLong() == chainBefore.path("to").asLong(),
                "the audit chain verifies on the restored database, to the same last entry", chain);
    }

    private void check(boolean ok, String what, Api.Reply reply) {
        if (ok) {
            passed++;
            console.ok(what);
        } else {
            failures.add(what);
            console.fail(what + (reply == null ? "" : " — got " + reply.status() + " " + reply.raw()));
        }
    }
}
