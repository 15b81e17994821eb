package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openqa.selenium.By;

/**
 * The field app's acceptance story on phones: the education bureau's liaison logs in, sees an overdue (red) task,
 * starts it, loses the network, submits it with a photo from the camera, comes back online, and the submission
 * arrives once; a second inspector signs it off on their phone with the photo's capture data before them; the
 * bureau's principal leader signs the agreement waiting in the inbox and sees its seals verified on the phone.
 * The office sets the scene through the API; everything the three people do, they do in the app.
 */
final class FieldAppStory {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private final Api api;
    private final Checks checks;
    private final Path screens;
    private final Suite.BrowserAddress address;

    FieldAppStory(Api api, Suite.BrowserAddress phone, Path screens, Checks checks) {
        this.api = api;
        this.address = phone;
        this.screens = screens;
        this.checks = checks;
    }

    /**
     * What a phone with only the local authority installed sees at the public address: the gateway and Keycloak both
     * present a chain to that authority, for the address itself, and the app is told to log in at that Keycloak.
     */
    private void phoneTrustsTheSuite(LocalTls tls) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("tuanjie-local-ca", tls.authority());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient phone = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        for (String url : List.of(address.gateway() + "/app/", address.issuer() + "/.well-known/openid-configuration")) {
            Object seen;
            try {
                HttpResponse<String> response = phone.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                seen = response.statusCode();
            } catch (IOException e) {
                seen = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            checks.check(Integer.valueOf(200).equals(seen), "over HTTPS, trusting only the local authority: " + url + " answers 200", seen);
        }
        HttpResponse<String> config = phone.send(HttpRequest.newBuilder(URI.create(address.gateway() + "/app/config.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        checks.check(config.body().contains("\"" + address.issuer() + "\""), "the app is told to log in at Keycloak's public address "
                + address.issuer(), config.body());
    }

    /**
     * @param unitId   the education bureau, whose liaison and leader use the app
     * @param township 更庆镇, whose page shows its Tibetan name
     */
    void run(String inspectionId, String unitId, String township) throws Exception {
        if (address.tls() != null) {
            phoneTrustsTheSuite(address.tls());
        }
        String admin = api.token("office-admin");
        String zhang = api.token("inspector-zhang");
        LocalDate today = LocalDate.now(COUNTY);
        String contested = contestedTask(zhang, inspectionId, unitId, today);
        String findingId = api.post(zhang, "/api/v1/inspections/" + inspectionId + "/findings", Map.of("unitId", unitId,
                "category", "GUARANTEES", "severity", "HIGH", "description", "创建工作经费未落实（手机端）"))
                .expect(201, "finding for the app").text("id");
        String taskId = api.post(zhang, "/api/v1/tasks", Map.of("findingId", findingId, "title", "落实创建工作经费（手机端）",
                "measures", "将创建工作经费列入年度预算", "responsiblePerson", "陈静", "deadline", today.minusDays(3).toString()))
                .expect(201, "overdue task for the app").text("id");
        api.post(admin, "/api/v1/tasks/overdue-check", Map.of()).expect(200, "overdue check");
        String agreementId = issueAgreement(admin, unitId, today.getYear() + 2);
        String task = "/api/v1/tasks/" + taskId;

        try (FieldApp phone = new FieldApp(address.gateway(), address.keyPin(), screens, checks)) {
            String step = "liaison";
            try {
                liaisonSubmitsOffline(phone, task, taskId, unitId);
                step = "conflict";
                conflictShownNotOverwritten(phone, contested);
                step = "inspector";
                inspectorSignsOff(phone, task, taskId, township);
                step = "finding";
                inspectorRecordsAFinding(phone, inspectionId, unitId);
                step = "leader";
                leaderSigns(phone, agreementId);
            } catch (RuntimeException e) {
                phone.failed(step);
                checks.check(false, "field app, " + step + ": " + e.getClass().getSimpleName() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), null);
            }
        }
    }

    private void liaisonSubmitsOffline(FieldApp phone, String task, String taskId, String unitId) throws Exception {
        phone.loginAs("education-liaison", Api.PASSWORD, "app-0-login");
        By card = By.cssSelector("a.task[data-id='" + taskId + "']");
        checks.check(phone.await(card).getAttribute("class").contains("warn-RED"),
                "app: the liaison logs in through Keycloak and sees the overdue task in red", null);
        phone.screen("app-1-liaison-tasks");
        phone.click(By.id("lang"));
        checks.check(phone.await(d -> d.findElement(By.tagName("h2")).getText().equals("My unit's tasks") ? true : null)
                && "en".equals(phone.await(By.tagName("html")).getAttribute("lang")), "app: Chinese by default, English on request", null);
        phone.screen("app-1-liaison-tasks-en");
        phone.click(By.id("lang"));
        phone.await(d -> d.findElement(By.tagName("h2")).getText().equals("本单位整改任务") ? true : null);
        phone.click(card);
        phone.click(By.id("start"));
        phone.await(By.id("submit-form"));
        checks.check(api.get(api.token("education-liaison"), task).text("state").equals("IN_PROGRESS"),
                "app: the liaison starts the task (IN_PROGRESS on the server)", null);
        phone.screen("app-2-task");

        Path photo = Files.createTempFile("宣传栏", ".jpg");
        Files.write(photo, PhonePhoto.jpeg(LocalDateTime.now(COUNTY).withNano(0), 31.806, 98.58));
        phone.offline(true);
        phone.await(d -> phone.text(By.id("network")).equals("离线") ? true : null);
        phone.await(By.id("report")).sendKeys("经费已列入年度预算，预算批复见照片");
        phone.await(By.id("photos")).sendKeys(photo.toString());
        phone.click(By.id("submit"));
        phone.await(By.id("message"));
        checks.check(phone.text(By.id("outbox")).contains("1") && api.get(api.token("education-liaison"), task).text("state").equals("IN_PROGRESS"),
                "app offline: the submission with its photo waits on the phone, nothing reached the server", null);
        phone.screen("app-3-offline-queued");

        phone.offline(false);
        phone.await(d -> "已提交".equals(phone.text(By.id("task-state"))) ? true : null);
        JsonNode submitted = api.get(api.token("education-liaison"), task).body();
        long submissions = 0;
        for (JsonNode event : api.get(api.token("education-liaison"), task + "/timeline").body()) {
            submissions += "SUBMITTED".equals(event.path("toState").asText()) ? 1 : 0;
        }
        checks.check("SUBMITTED".equals(submitted.path("state").asText()) && submissions == 1
                && submitted.path("evidence").size() == 1
                && submitted.path("evidence").get(0).path("file").path("sha256").asText().equals(sha256(Files.readAllBytes(photo))),
                "app back online: the submission arrives once (one SUBMITTED on the timeline) with the photo's bytes (tus upload)", submitted);
        phone.screen("app-4-submitted");
        phone.open("#/unit/" + unitId);
        checks.check(phone.text(By.id("unit-name")).equals("县教育局"), "app: the unit's page (names, lights, agreement)", null);
        phone.screen("app-5-unit");

        // the unit's dossier: an activity recorded on the phone with a photo
        phone.click(By.cssSelector("a[href='#/dossier/" + unitId + "']"));
        phone.await(By.id("activity-title")).sendKeys("民族团结进步宣传月（手机端）");
        phone.set(By.id("activity-date"), LocalDate.now(COUNTY).toString());
        phone.await(By.id("activity-indicators")).sendKeys("2.1");
        phone.await(By.id("activity-photos")).sendKeys(photo.toString());
        phone.screen("app-5b-dossier");
        phone.click(By.cssSelector("#activity-form button[type=submit]"));
        checks.check(phone.await(d -> filed(unitId, "民族团结进步宣传月（手机端）") ? true : null),
                "app: the liaison records an activity with a photo in the unit's dossier", null);
    }

    /** Whether the unit's dossier holds an activity of that title with one file attached. */
    private boolean filed(String unitId, String title) {
        String liaison = api.token("education-liaison");
        for (JsonNode entry : api.get(liaison, "/api/v1/units/" + unitId + "/dossier").body().path("items")) {
            if (title.equals(entry.path("title").asText())) {
                return api.get(liaison, "/api/v1/activities/" + entry.path("id").asText()).body().path("files").size() == 1;
            }
        }
        return false;
    }

    private void inspectorSignsOff(FieldApp phone, String task, String taskId, String township) throws Exception {
        phone.loginAs("inspector-li", Api.PASSWORD);
        By card = By.cssSelector("#review a.task[data-id='" + taskId + "']");
        phone.await(card);
        phone.screen("app-6-inspector-review");
        phone.click(card);
        String caption = phone.text(By.cssSelector("#evidence figure.evidence figcaption"));
        checks.check(caption.contains("拍摄时间") && caption.contains("31.8060"),
                "app: the second inspector sees the photo's capture time and place before signing off", caption);
        phone.screen("app-7-inspector-task");
        phone.click(By.id("verify"));
        phone.await(d -> "已销号".equals(phone.text(By.id("task-state"))) ? true : null);
        JsonNode verified = api.get(api.token("inspector-li"), task).body();
        checks.check("VERIFIED".equals(verified.path("state").asText()) && "inspector-li".equals(verified.path("verifiedBy").asText()),
                "app: the second inspector verifies it (销号 by inspector-li)", verified.path("verifiedBy"));
        phone.screen("app-8-verified");
        phone.open("#/league");
        List<String> shown = phone.await(d -> {
            var rows = d.findElements(By.cssSelector("#league tbody tr td:first-child"));
            return rows.isEmpty() ? null : rows.stream().map(r -> r.getText().trim()).toList();
        });
        List<String> townships = new java.util.ArrayList<>();
        api.get(api.token("inspector-li"), "/api/v1/figures/townships").body().path("townships")
                .forEach(r -> townships.add(r.path("name").asText()));
        checks.check(shown.size() == townships.size() && new java.util.HashSet<>(shown).equals(new java.util.HashSet<>(townships)),
                "app: the inspector reads the township league, the same townships as the API's figures", shown + " vs " + townships);
        phone.screen("app-9-league");
        phone.open("#/unit/" + township);
        checks.check(phone.text(By.id("name-bo")).equals("དགོན་ཆེན་གྲོང་རྡལ།"), "app: a township's page shows its Tibetan name", null);
    }

    /** Whether the inbox of {@code user} holds an open item of {@code kind} about the agreement (the server's own). */
    private boolean waits(String user, String kind, String agreementId) {
        for (JsonNode item : api.get(api.token(user), "/api/v1/agreements/inbox").body().path("items")) {
            if (agreementId.equals(item.path("agreementId").asText()) && kind.equals(item.path("kind").asText())
                    && !item.hasNonNull("resolvedAt")) {
                return true;
            }
        }
        return false;
    }

    private void leaderSigns(FieldApp phone, String agreementId) throws Exception {
        checks.check(waits("education-leader", "TO_SIGN", agreementId) && !waits("education-liaison", "TO_SIGN", agreementId),
                "the issued agreement waits in the leader's agreements inbox (not the liaison's)", null);
        phone.loginAs("education-leader", Api.PASSWORD);
        phone.open("#/inbox");
        By waiting = By.cssSelector("#inbox a.agreement[href='#/agreement/" + agreementId + "']");
        phone.await(waiting);
        phone.screen("app-10-leader-inbox");
        phone.click(waiting);
        String agreement = "/api/v1/agreements/" + agreementId;
        checks.check(phone.text(By.id("content-hash")).equals(api.get(api.token("education-leader"), agreement).text("contentHash")),
                "app: the leader reads the agreement and the hash being signed", null);
        phone.screen("app-11-agreement");
        phone.click(By.id("sign"));
        String seal = phone.await(By.cssSelector("#seal-status.ok")).getText();
        JsonNode signed = api.get(api.token("education-leader"), agreement).body();
        checks.check("SIGNED".equals(signed.path("state").asText()) && seal.contains("验证通过"),
                "app: the leader signs; the phone verifies the seal itself (SHA-256 of the content, Ed25519 with the published key)", seal);
        phone.screen("app-12-signed");
        checks.check(!waits("education-leader", "TO_SIGN", agreementId) && waits("office-admin", "TO_COUNTERSIGN", agreementId),
                "signed: it leaves the leader's inbox and waits in the issuing office's", null);

        phone.loginAs("office-admin", Api.PASSWORD);
        phone.open("#/inbox");
        By toCountersign = By.cssSelector("#inbox a.agreement[href='#/agreement/" + agreementId + "']");
        phone.click(toCountersign);
        phone.click(By.id("countersign"));
        String both = phone.await(d -> {
            var cards = d.findElements(By.cssSelector("li.seal"));
            var status = d.findElements(By.cssSelector("#seal-status.ok"));
            return cards.size() == 2 && !status.isEmpty() ? status.get(0).getText() : null;
        });
        checks.check("ACTIVE".equals(api.get(api.token("office-admin"), agreement).text("state")) && both.contains("验证通过")
                && !waits("office-admin", "TO_COUNTERSIGN", agreementId),
                "app: the office admin countersigns from the inbox; both seals verify on the phone; nothing waits", both);
        phone.screen("app-13-countersigned");
    }

    /**
     * The liaison submits offline while the unit's leader, on another phone, submits the same task first: back
     * online, the liaison is shown both versions and drops theirs; the leader's report stands, never overwritten.
     */
    private void conflictShownNotOverwritten(FieldApp phone, String task) throws Exception {
        phone.open("#/task/" + task.substring(task.lastIndexOf('/') + 1));
        phone.await(By.id("submit-form"));
        phone.offline(true);
        phone.await(By.id("report")).sendKeys("联络员：制度已建立");
        phone.click(By.id("submit"));
        phone.await(By.id("message"));
        String leader = api.token("education-leader");
        api.change(leader, "POST", task, "submit", Map.of("completionReport", "一把手：制度已建立并印发")).expect(200, "leader submits");
        phone.offline(false);
        phone.click(By.cssSelector("main .notice.error a[href='#/outbox']"));
        String mine = phone.text(By.cssSelector(".conflict > div:first-child"));
        String theirs = phone.text(By.cssSelector(".conflict > div:last-child"));
        checks.check(mine.contains("联络员：制度已建立") && theirs.contains("一把手：制度已建立并印发"),
                "app: a 412 conflict shows the person both versions (theirs and the server's)", mine + " | " + theirs);
        phone.screen("app-4b-conflict");
        phone.click(By.cssSelector("[data-drop]"));
        phone.await(d -> d.findElements(By.cssSelector("[data-entry]")).isEmpty() ? true : null);
        checks.check(api.get(leader, task).text("completionReport").equals("一把手：制度已建立并印发"),
                "app: the liaison drops theirs; the leader's submission stands, never overwritten", null);
    }

    private String contestedTask(String inspector, String inspectionId, String unitId, LocalDate today) {
        String findingId = api.post(inspector, "/api/v1/inspections/" + inspectionId + "/findings", Map.of("unitId", unitId,
                "category", "LEADERSHIP", "severity", "MEDIUM", "description", "创建工作制度未建立（手机端）"))
                .expect(201, "second finding for the app").text("id");
        String task = "/api/v1/tasks/" + api.post(inspector, "/api/v1/tasks", Map.of("findingId", findingId, "title", "建立创建工作制度（手机端）",
                "measures", "制定并印发创建工作制度", "responsiblePerson", "格桑", "deadline", today.plusDays(10).toString()))
                .expect(201, "second task for the app").text("id");
        api.change(api.token("education-liaison"), "POST", task, "start", null).expect(200, "start the second task");
        return task;
    }

    /** During an inspection, the inspector records what was found, with a photo taken there. */
    private void inspectorRecordsAFinding(FieldApp phone, String inspectionId, String unitId) throws Exception {
        phone.open("#/finding");
        new org.openqa.selenium.support.ui.Select(phone.await(By.id("inspection"))).selectByValue(inspectionId);
        new org.openqa.selenium.support.ui.Select(phone.await(By.id("finding-unit"))).selectByValue(unitId);
        String description = "宣传栏内容陈旧（手机端拍摄）";
        phone.await(By.id("finding-description")).sendKeys(description);
        Path photo = Files.createTempFile("现场", ".jpg");
        Files.write(photo, PhonePhoto.jpeg(LocalDateTime.now(COUNTY).withNano(0), 31.81, 98.59));
        phone.await(By.id("finding-photos")).sendKeys(photo.toString());
        phone.screen("app-9b-finding");
        phone.click(By.cssSelector("#finding-form button[type=submit]"));
        String li = api.token("inspector-li");
        checks.check(phone.await(d -> {
            for (JsonNode f : api.get(li, "/api/v1/inspections/" + inspectionId + "/findings?limit=100").body().path("items")) {
                if (description.equals(f.path("description").asText())) {
                    return f.path("evidence").size() == 1 && unitId.equals(f.path("unit").path("id").asText()) ? true : null;
                }
            }
            return null;
        }), "app: the inspector records a finding at the unit with a photo taken on the spot", null);
    }

    private String issueAgreement(String admin, String unitId, int year) {
        Map<String, Object> template = Map.of("year", year, "title", year + "年度目标责任书（手机端）",
                "clauses", List.of("乙方主要负责人为第一责任人", "乙方落实创建工作经费"),
                "targets", List.of(Map.of("code", "T1", "title", "整改销号", "weight", 100, "measure", "TASKS_VERIFIED")),
                "adjustments", List.of(), "passMark", 60);
        String templatePath = "/api/v1/templates/" + api.post(admin, "/api/v1/templates", template).expect(201, "template").text("id");
        api.change(admin, "POST", templatePath, "publish", null).expect(200, "publish");
        return api.post(admin, templatePath + "/issue", Map.of("unitIds", List.of(unitId))).expect(200, "issue")
                .body().path("created").get(0).asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
