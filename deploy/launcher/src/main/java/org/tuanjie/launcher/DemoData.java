package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo county through the public API, as its people would: the clerk imports the unit sheet and
 * records the units' people with their accounts (each first login sets the demo password), units fill in
 * their readiness, the March inspection by two groups records findings in every category, tasks end in
 * every state, and agreements are issued, signed, countersigned and one assessed.
 */
final class DemoData {

    private final Api api;
    private final Console console;
    private final Map<String, String> ids = new HashMap<>();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    DemoData(Api api, Console console) {
        this.api = api;
        this.console = console;
    }

    /** @return false when the county was already there (a second run keeps the data as it is) */
    boolean loadIfMissing() {
        String admin = api.token("office-admin");
        if (api.get(admin, "/api/v1/units/by-code/" + DemoCounty.COUNTY).status() == 200) {
            requireAccounts();
            console.ok("demo data already loaded (kept from the last run)");
            return false;
        }
        console.step("loading the demo county through the API");
        api.postCsv(admin, "/api/v1/units/import", DemoCounty.csv()).expect(200, "unit import");
        api.exchange(admin, "PUT", "/api/v1/units/" + id(DemoCounty.COUNTY) + "/boundaries",
                Map.of("Content-Type", "application/geo+json"), Api.json(DemoCounty.townshipMap())
                        .getBytes(StandardCharsets.UTF_8)).expect(200, "the townships' map");
        // everything after this acts with the people's own tokens
        people(admin);
        readiness(admin);
        domains(admin);
        indicators(admin);
        tasks();
        agreements(admin);
        console.ok("demo data loaded: 德格县 (demo), 10 townships, 20 departments, the March inspection, tasks and agreements");
        return true;
    }

    String id(String code) {
        return ids.computeIfAbsent(code, c -> api.get(api.token("office-admin"), "/api/v1/units/by-code/" + c)
                .expect(200, "unit " + c).text("id"));
    }

    /** Each person recorded at their unit with an account, which their first login takes into use. */
    private void people(String admin) {
        for (DemoCounty.Person person : DemoCounty.PEOPLE) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("role", person.role());
            body.put("nameZh", person.nameZh());
            body.put("position", person.position());
            body.put("from", "2026-01-01");
            String temporary = Api.temporaryPassword();
            body.put("account", Map.of("username", person.username(), "roles", List.of(person.accountRole()),
                    "temporaryPassword", temporary));
            api.post(admin, "/api/v1/units/" + id(person.unitCode()) + "/people", body).expect(201, "person " + person.username());
            api.firstLogin(person.username(), temporary);
        }
        console.ok(DemoCounty.PEOPLE.size() + " people and " + DemoCounty.PEOPLE.size()
                + " accounts created through the people API, each first login done (password " + Api.PASSWORD + ")");
    }

    /**
     * The people's accounts live in Keycloak, their records in units-service's database: a Keycloak store rebuilt
     * from a changed realm file keeps only office-admin, while the database still says the county is loaded.
     */
    private void requireAccounts() {
        List<String> missing = new ArrayList<>();
        for (DemoCounty.Person person : DemoCounty.PEOPLE) {
            if (api.passwordGrant(person.username(), Api.PASSWORD).status() != 200) {
                missing.add(person.username());
            }
        }
        if (!missing.isEmpty()) {
            throw new StartupFailure("The demo county is in the database, but these demo people cannot log in: "
                    + String.join(", ", missing) + ". Keycloak's store was rebuilt from a changed realm file, or the last"
                    + " load stopped half-way. Stop, empty the database (embedded: delete .local/pg) and start again:"
                    + " the demo county is loaded anew.");
        }
    }

    private void readiness(String admin) {
        Map<String, Object> complete = new HashMap<>();
        complete.put("staffCount", 2);
        complete.put("staffNames", List.of("卓玛", "陈静"));
        complete.put("office", true);
        complete.put("officeLocation", "办公楼 2 楼");
        complete.put("leadingGroupDocNo", "德创发〔2026〕1号");
        complete.put("leadingGroupDate", "2026-02-20");
        complete.put("workPlan", true);
        complete.put("signage", true);
        complete.put("equipment", true);
        // the leader and liaison items are the units' people: the township and the bureau have theirs with accounts
        for (String code : List.of(DemoCounty.schools().get(0), DemoCounty.TOWNSHIP_2)) {
            for (Map<String, Object> person : List.of(
                    Map.<String, Object>of("role", "LEADER", "nameZh", "扎西", "phone", "13800000001", "from", "2026-01-01"),
                    Map.<String, Object>of("role", "LIAISON", "nameZh", "卓玛", "phone", "13800000002", "from", "2026-01-01"))) {
                api.post(admin, "/api/v1/units/" + id(code) + "/people", person).expect(201, "person of " + code);
            }
        }
        for (String code : List.of(DemoCounty.TOWNSHIP_1, DemoCounty.EDUCATION, DemoCounty.schools().get(0))) {
            api.change(admin, "PUT", "/api/v1/units/" + id(code) + "/readiness", null, complete).expect(200, "readiness " + code);
        }
        Map<String, Object> partial = new HashMap<>(complete);
        partial.put("signage", false);
        partial.put("equipment", false);
        partial.put("workPlan", false);
        api.change(admin, "PUT", "/api/v1/units/" + id(DemoCounty.TOWNSHIP_2) + "/readiness", null, partial)
                .expect(200, "readiness 麦宿镇");
    }

    private void domains(String admin) {
        JsonNode domains = api.get(admin, "/api/v1/domains?owner=" + id(DemoCounty.COUNTY)).expect(200, "domains").body();
        for (JsonNode domain : domains) {
            String code = domain.path("code").asText();
            String domainId = domain.path("id").asText();
            List<String> members = switch (code) {
                case "SCHOOLS" -> DemoCounty.schools();
                case "RELIGIOUS_VENUES" -> DemoCounty.venues();
                case "ORGANS" -> List.of(DemoCounty.EDUCATION, DemoCounty.PUBLICITY, DemoCounty.UNITED_FRONT,
                        DemoCounty.ETHNIC_AFFAIRS, DemoCounty.CULTURE);
                default -> List.of();
            };
            String lead = switch (code) {
                case "SCHOOLS" -> DemoCounty.EDUCATION;
                case "RELIGIOUS_VENUES" -> DemoCounty.ETHNIC_AFFAIRS;
                case "ORGANS" -> DemoCounty.UNITED_FRONT;
                default -> null;
            };
            if (lead == null) {
                continue;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("names", toMap(domain.path("names")));
            update.put("leadUnitId", id(lead));
            api.change(admin, "PUT", "/api/v1/domains/" + domainId, null, update).expect(200, "domain " + code);
            for (String member : members) {
                api.post(admin, "/api/v1/domains/" + domainId + "/members", Map.of("unitId", id(member)))
                        .expect(201, "member " + member);
            }
        }
    }

    /**
     * The county's evaluation indicators of the year, published: a demo table (labelled so in its title and its
     * top-level names) shaped like a provincial one, 100 points over the report's concerns, from
     * {@code demo/indicators.csv}.
     */
    private void indicators(String admin) {
        String csv;
        try (var in = DemoData.class.getResourceAsStream("/demo/indicators.csv")) {
            csv = new String(java.util.Objects.requireNonNull(in, "demo/indicators.csv").readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String catalogue = api.post(admin, "/api/v1/indicator-catalogues", Map.of("ownerUnitId", id(DemoCounty.COUNTY),
                "year", today.getYear(), "title", today.getYear() + "年德格县民族团结进步示范县测评指标（演示数据，非正式指标）"))
                .expect(201, "indicator catalogue").text("id");
        String path = "/api/v1/indicator-catalogues/" + catalogue;
        api.exchange(admin, "PUT", path + "/sheet", Map.of("Content-Type", "text/csv", "If-Match", "\"0\""),
                csv.getBytes(StandardCharsets.UTF_8)).expect(200, "indicator sheet");
        api.change(admin, "POST", path, "publish", null).expect(200, "publish the indicators");
    }

    private void tasks() {
        String inspector = api.token("inspector-zhang");
        List<String> covered = List.of(DemoCounty.TOWNSHIP_1, DemoCounty.TOWNSHIP_2, DemoCounty.EDUCATION,
                DemoCounty.CULTURE, DemoCounty.UNITED_FRONT, DemoCounty.PUBLICITY);
        Map<String, Object> inspection = new LinkedHashMap<>();
        inspection.put("title", "2026年3月民族团结进步创建工作督查");
        inspection.put("startDate", "2026-03-19");
        inspection.put("endDate", "2026-03-21");
        inspection.put("groups", List.of(Map.of("name", "第一督查组", "leader", "张华", "members", List.of("王强", "卓玛")),
                Map.of("name", "第二督查组", "leader", "李娜", "members", List.of("次仁", "陈静"))));
        inspection.put("unitIds", covered.stream().map(this::id).toList());
        inspection.put("report", "各单位创建工作推进不平衡：部分单位无专职人员、无办公室、无文件；宣传力度不够；创建进度缓慢。");
        String inspectionId = api.post(inspector, "/api/v1/inspections", inspection).expect(201, "inspection").text("id");

        // one finding per category, each followed to a different end
        Object[][] plan = {
                {"LEADERSHIP", DemoCounty.TOWNSHIP_1, "一把手推动不够，创建工作停留在上级通知上", 20, "verified"},
                {"PUBLICITY", DemoCounty.EDUCATION, "未制作宣传栏、宣传标语，未开展宣传活动", 25, "verified-after-rejection"},
                {"PROGRESS", DemoCounty.TOWNSHIP_2, "未形成领导机制，分工不明确", -5, "overdue"},
                {"GUARANTEES", DemoCounty.TOWNSHIP_1, "领导小组办公室牌子、人员、设备不到位", 4, "extended"},
                {"CAPACITY", DemoCounty.EDUCATION, "工作人员对创建业务不熟，资料归档不规范", 15, "submitted"},
                {"HIGHLIGHTS", DemoCounty.CULTURE, "政府门户网站民族团结专栏未开设，藏汉双语门牌未规范", 2, "assigned"},
                {"COORDINATION", DemoCounty.UNITED_FRONT, "\"9+N进\"牵头单位与乡镇未形成联动", 20, "handed-back"},
                {"ATMOSPHERE", DemoCounty.TOWNSHIP_1, "宣传存在盲区，定位模糊", 30, "rejected"},
                {"BALANCE", DemoCounty.TOWNSHIP_2, "乡镇与部门推进不均衡", -12, "overdue"}};
        for (Object[] step : plan) {
            String unit = (String) step[1];
            String findingId = api.post(inspector, "/api/v1/inspections/" + inspectionId + "/findings",
                    Map.of("unitId", id(unit), "category", step[0], "severity", "MEDIUM", "description", step[2]))
                    .expect(201, "finding " + step[0]).text("id");
            Map<String, Object> task = new HashMap<>();
            task.put("findingId", findingId);
            task.put("title", "整改：" + step[2]);
            task.put("measures", "制定整改方案，明确责任人，按期完成并提交佐证材料");
            task.put("responsiblePerson", "单位一把手");
            task.put("deadline", today.plusDays((Integer) step[3]).toString());
            String taskId = api.post(inspector, "/api/v1/tasks", task).expect(201, "task " + step[0]).text("id");
            drive(taskId, unit, (String) step[4]);
        }
        api.post(api.token("office-admin"), "/api/v1/tasks/overdue-check", Map.of()).expect(200, "overdue check");
    }

    private void drive(String taskId, String unit, String end) {
        // a task is worked by its own unit's people: the county office cannot act for the unit it supervises
        String worker = switch (unit) {
            case DemoCounty.TOWNSHIP_1 -> api.token("township-liaison");
            case "11513330MB00000020" -> api.token("education-liaison");
            case "11513330MB0000001W" -> api.token("united-front-liaison");
            default -> null;
        };
        String zhang = api.token("inspector-zhang");
        String li = api.token("inspector-li");
        String task = "/api/v1/tasks/" + taskId;
        switch (end) {
            case "verified", "submitted", "rejected", "verified-after-rejection" -> {
                api.change(worker, "POST", task, "start", null).expect(200, "start");
                api.change(worker, "POST", task, "submit", Map.of("completionReport", "已按整改措施完成，佐证材料已上传")).expect(200, "submit");
                if (end.equals("submitted")) {
                    return;
                }
                if (end.startsWith("verified-after") || end.equals("rejected")) {
                    api.change(zhang, "POST", task, "reject", Map.of("reason", "佐证材料不全，请补充藏汉双语宣传内容")).expect(200, "reject");
                    if (end.equals("rejected")) {
                        return;
                    }
                    api.change(worker, "POST", task, "start", null).expect(200, "restart");
                    api.change(worker, "POST", task, "submit", Map.of("completionReport", "已补充双语宣传栏照片")).expect(200, "resubmit");
                }
                api.change(li, "POST", task, "verify", null).expect(200, "verify");
            }
            case "extended" -> {
                api.change(worker, "POST", task, "start", null).expect(200, "start");
                String requestId = api.post(worker, task + "/extensions", Map.of("reason", "牌子制作需走采购程序",
                        "requestedDeadline", today.plusDays(34).toString())).expect(201, "extension").text("id");
                api.change(zhang, "POST", task + "/extensions/" + requestId, "decision",
                        Map.of("approve", true, "note", "同意延期一个月")).expect(200, "approve extension");
            }
            case "handed-back" -> api.change(worker, "POST", task, "hand-back",
                    Map.of("reason", "该项应由县民族宗教事务局牵头")).expect(200, "hand back");
            default -> {
                // assigned or overdue: left as the inspection left it
            }
        }
    }

    private void agreements(String admin) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("year", today.getYear());
        template.put("title", today.getYear() + "年度民族团结进步创建工作目标责任书");
        template.put("clauses", List.of("乙方主要负责人是本单位民族团结进步创建工作第一责任人。",
                "乙方按期完成督查发现问题的整改，整改情况接受甲方督查。",
                "乙方落实创建工作专职人员、办公场所和工作经费。"));
        template.put("targets", List.of(
                Map.of("code", "T1", "title", "督查发现问题整改销号", "weight", 40, "measure", "TASKS_VERIFIED"),
                Map.of("code", "T2", "title", "创建工作基础（三有）完备", "weight", 30, "measure", "READINESS"),
                Map.of("code", "T3", "title", "开展民族团结宣传教育活动", "weight", 30, "measure", "MANUAL")));
        template.put("adjustments", List.of(
                Map.of("code", "B1", "title", "创建亮点特色突出", "kind", "BONUS", "maxPoints", 5),
                Map.of("code", "D1", "title", "资料归档不规范", "kind", "DEDUCTION", "maxPoints", 10),
                Map.of("code", "V1", "title", "发生影响民族团结的重大事件", "kind", "VETO", "maxPoints", 0)));
        template.put("passMark", 80);
        String templateId = api.post(admin, "/api/v1/templates", template).expect(201, "template").text("id");
        api.change(admin, "POST", "/api/v1/templates/" + templateId, "publish", null).expect(200, "publish");
        api.post(admin, "/api/v1/templates/" + templateId + "/issue", Map.of("within", id(DemoCounty.COUNTY)))
                .expect(200, "issue");
        String township = agreementOf(admin, DemoCounty.TOWNSHIP_1);
        String education = agreementOf(admin, DemoCounty.EDUCATION);
        api.change(api.token("township-leader"), "POST", "/api/v1/agreements/" + township, "sign", null).expect(200, "sign 更庆镇");
        api.change(api.token("education-leader"), "POST", "/api/v1/agreements/" + education, "sign", null).expect(200, "sign 教育局");
        api.change(admin, "POST", "/api/v1/agreements/" + township, "countersign", null).expect(200, "countersign");
        api.change(admin, "POST", "/api/v1/agreements/" + education, "countersign", null).expect(200, "countersign");
        api.change(admin, "POST", "/api/v1/agreements/" + education, "assessment", Map.of(
                "scores", Map.of("T3", Map.of("score", 26, "comment", "开展宣传教育活动 4 次")),
                "adjustments", Map.of("B1", Map.of("points", 2, "comment", "双语校园文化建设"), "D1", Map.of("points", 1))))
                .expect(200, "assessment");
    }

    String agreementOf(String token, String unitCode) {
        JsonNode items = api.get(token, "/api/v1/agreements?unitId=" + id(unitCode) + "&year=" + today.getYear())
                .expect(200, "agreements of " + unitCode).body().path("items");
        List<String> current = new ArrayList<>();
        items.forEach(a -> {
            if (!List.of("SUPERSEDED", "REVOKED").contains(a.path("state").asText())) {
                current.add(a.path("id").asText());
            }
        });
        return current.get(0);
    }

    private static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
