package org.tuanjie.tasks.ledger.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Severity;
import org.tuanjie.tasks.task.TaskState;

/**
 * The columns of a rectification ledger (整改台账) as county offices keep it and as the suite exports it, by their
 * Chinese or English headers, and the words clerks write in them.
 */
final class LedgerColumns {

    /** Canonical column → the header the suite's own ledger writes (or the one most ledgers use), for messages. */
    static final Map<String, String> HEADERS = new LinkedHashMap<>();
    private static final Map<String, String> READ = new HashMap<>();

    static {
        column("unit_code", "单位代码", "责任单位代码", "统一社会信用代码", "unit_code");
        column("category", "问题类别", "类别", "category");
        column("title", "问题/任务", "整改任务", "任务", "title");
        column("measures", "整改措施", "measures");
        column("person", "责任人", "responsible_person");
        column("deadline", "整改时限", "完成时限", "deadline");
        column("state", "状态", "整改状态", "state");
        column("verified", "销号日期", "verified_on");
        column("verifier", "销号人", "verified_by");
        column("inspection", "督查", "督查名称", "inspection");
        column("inspection_date", "督查日期", "inspection_date");
        column("found", "发现日期", "found_on");
        column("assigned", "交办日期", "assigned_on");
        column("submitted", "报送日期", "提交日期", "submitted_on");
        column("description", "问题描述", "description");
        column("severity", "严重程度", "severity");
        column("indicator", "测评指标", "指标代码", "indicator_code");
        column("report", "整改完成情况", "completion_report");
        column("cooperating", "配合单位", "cooperating_units");
        column("original", "原定时限", "original_deadline");
    }

    private static final Map<String, Category> CATEGORIES = new HashMap<>();
    private static final Map<String, TaskState> STATES = new HashMap<>();
    private static final Map<String, Severity> SEVERITIES = new HashMap<>();

    static {
        for (Category category : Category.values()) {
            categories(category, category.ledgerWord());
        }
        categories(Category.LEADERSHIP, "思想认识", "领导重视/思想认识");
        states(TaskState.ASSIGNED, "已交办", "交办", "未开始", "未整改");
        states(TaskState.IN_PROGRESS, "整改中", "正在整改", "推进中");
        states(TaskState.SUBMITTED, "待验收", "已报送", "已完成待验收");
        states(TaskState.VERIFIED, "已销号", "销号", "已整改", "已完成", "整改完成");
        SEVERITIES.put("高", Severity.HIGH);
        SEVERITIES.put("严重", Severity.HIGH);
        SEVERITIES.put("中", Severity.MEDIUM);
        SEVERITIES.put("一般", Severity.MEDIUM);
        SEVERITIES.put("低", Severity.LOW);
        SEVERITIES.put("轻微", Severity.LOW);
        for (Severity s : Severity.values()) {
            SEVERITIES.put(s.name().toLowerCase(Locale.ROOT), s);
        }
    }

    private LedgerColumns() {
    }

    private static void column(String canonical, String... headers) {
        HEADERS.put(canonical, headers[0]);
        for (String header : headers) {
            READ.put(SheetReader.clean(header), canonical);
        }
    }

    private static void categories(Category category, String... words) {
        CATEGORIES.put(category.name().toLowerCase(Locale.ROOT), category);
        for (String word : words) {
            CATEGORIES.put(word, category);
        }
    }

    private static void states(TaskState state, String... words) {
        STATES.put(state.name().toLowerCase(Locale.ROOT), state);
        for (String word : words) {
            STATES.put(word, state);
        }
    }

    /** The canonical column of a cleaned header cell; null for one the import does not read (序号, 预警, ...). */
    static String canonical(String cleanedHeader) {
        return READ.get(cleanedHeader);
    }

    static String header(String canonical) {
        return HEADERS.getOrDefault(canonical, canonical);
    }

    static Optional<Category> category(String word) {
        return Optional.ofNullable(CATEGORIES.get(word.trim().toLowerCase(Locale.ROOT)));
    }

    /** A state a ledger can say; a rejection or hand-back is not one (see {@code LedgerHistory.STATES}). */
    static Optional<TaskState> state(String word) {
        return Optional.ofNullable(STATES.get(word.trim().toLowerCase(Locale.ROOT)));
    }

    static Optional<Severity> severity(String word) {
        return Optional.ofNullable(SEVERITIES.get(word.trim().toLowerCase(Locale.ROOT)));
    }

    /** The words a state may be written in, for the message refusing another. */
    static List<String> stateWords() {
        return List.of("已交办", "整改中", "待验收", "已销号");
    }
}
