package org.tuanjie.tasks.bulletin.service;

import static org.tuanjie.tasks.bulletin.ChineseNumerals.date;
import static org.tuanjie.tasks.bulletin.ChineseNumerals.of;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tuanjie.tasks.bulletin.service.InspectionBulletin.CategoryProblems;
import org.tuanjie.tasks.bulletin.service.InspectionBulletin.UnitProblems;
import org.tuanjie.tasks.figures.service.FiguresService;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.task.RectificationTask;

/**
 * Bulletins as Word or PDF documents, in the order and numbering offices use: 一、 for parts, （一） for a category, 1. for
 * a unit. Both forms are written from the same calls, so they say the same.
 */
@ApplicationScoped
public class BulletinDocuments {

    /** The appendix's columns: those of the county ledgers, as far as a bulletin needs them. */
    public static final List<String> TASK_COLUMNS = List.of("序号", "责任单位", "问题类别", "整改任务", "整改措施", "责任人",
            "整改时限", "状态");

    /** The forms a bulletin comes in. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PDF("application/pdf");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    PdfFonts fonts;

    private OfficialDocument open(Format format) {
        return format == Format.PDF ? new PdfDocument(fonts) : new WordDocument();
    }

    public void inspection(InspectionBulletin bulletin, Format format, OutputStream out) {
        Inspection inspection = bulletin.inspection();
        try (OfficialDocument document = open(format)) {
            document.centredLine(bulletin.reference().isEmpty() ? "〔　　〕　号" : bulletin.reference());
            document.title(bulletin.title());
            document.paragraph(date(inspection.startDate()) + "至" + date(inspection.endDate()) + "，" + bulletin.office()
                    + groups(inspection) + "，对" + inspection.units().size() + "个单位的民族团结进步创建工作落实情况进行了督查。"
                    + "现将有关情况通报如下：");
            document.paragraph(summary(bulletin));
            document.heading1("一、存在的问题");
            int section = 0;
            for (CategoryProblems category : bulletin.problems()) {
                document.heading2("（" + of(++section) + "）" + category.category().problemHeading() + "。");
                int unit = 0;
                for (UnitProblems problems : category.units()) {
                    document.paragraph(++unit + ". " + problems.unitName() + "：", sentences(problems.descriptions()));
                }
            }
            if (bulletin.problems().isEmpty()) {
                document.paragraph("本次督查未发现问题。");
            }
            document.heading1("二、整改要求");
            document.paragraph("各责任单位要对照问题清单，逐项制定整改措施，明确责任人和整改时限，按时完成整改并报送整改佐证材料。"
                    + bulletin.office() + "将对整改情况跟踪督办，逾期未完成的予以通报。");
            int unit = 0;
            for (Map.Entry<String, List<RectificationTask>> responsible : byUnit(bulletin.tasks()).entrySet()) {
                document.paragraph(++unit + ". " + responsible.getKey() + "：", responsible.getValue().stream()
                        .map(t -> t.title() + "（整改措施：" + t.measures() + "；责任人：" + t.responsiblePerson() + "；"
                                + date(t.deadline()) + "前完成）")
                        .collect(Collectors.joining("；", "", "。")));
            }
            document.signature(bulletin.office(), date(bulletin.issued()));
            document.pageBreak();
            document.heading1("附件");
            document.centredLine("整改任务清单");
            document.table(TASK_COLUMNS, rows(bulletin.tasks()));
            document.write(out);
        }
    }

    /** The league table's columns, and the departments' (a rank has no meaning there: they are listed by code). */
    public static final List<String> TOWNSHIP_COLUMNS = List.of("排名", "乡镇", "交办任务", "已销号", "逾期未完成", "整改销号率");
    public static final List<String> DEPARTMENT_COLUMNS = List.of("序号", "单位", "交办任务", "已销号", "逾期未完成", "整改销号率");

    public void progress(ProgressBulletin bulletin, Format format, OutputStream out) {
        FiguresService.Row total = bulletin.total();
        try (OfficialDocument document = open(format)) {
            document.centredLine(bulletin.reference().isEmpty() ? "〔　　〕　号" : bulletin.reference());
            document.title(bulletin.title());
            document.paragraph("为推动督查发现问题整改落实，现将" + date(bulletin.from()) + "至" + date(bulletin.to()) + bulletin.unit()
                    + "问题整改进展情况通报如下：");
            document.heading1("一、总体情况");
            document.paragraph("截至" + date(bulletin.to()) + "，共交办整改任务" + total.total() + "项，已整改销号" + total.verified()
                    + "项，整改销号率" + percent(total.closureRate()) + "；正在整改" + total.open() + "项，其中已报送待验收"
                    + total.submitted() + "项，逾期未完成" + total.overdue() + "项。本期新销号" + bulletin.verifiedInPeriod()
                    + "项，发出督办通知" + bulletin.urgings().sent() + "次（其中系统自动催办" + bulletin.urgings().automatic() + "次）。");
            document.heading1("二、各乡镇整改进展");
            FiguresService.Spread spread = bulletin.townships().spread();
            if (bulletin.townships().townships().isEmpty()) {
                document.paragraph("本期无乡镇整改任务。");
            } else {
                document.paragraph("各乡镇按整改销号率排序如下。" + spread.townships() + "个乡镇整改销号率平均为"
                        + percent(spread.meanClosureRate()) + "，标准差" + percent(spread.standardDeviation())
                        + (spread.coefficientOfVariation() == null ? "" : "，离散系数"
                                + String.format(Locale.ROOT, "%.2f", spread.coefficientOfVariation()))
                        + "（离散系数越大，乡镇之间推进越不均衡）。");
                document.table(TOWNSHIP_COLUMNS, figureRows(bulletin.townships().townships()));
            }
            document.heading1("三、县直部门整改进展");
            if (bulletin.departments().isEmpty()) {
                document.paragraph("本期无县直部门整改任务。");
            } else {
                document.table(DEPARTMENT_COLUMNS, figureRows(bulletin.departments()));
            }
            document.heading1("四、红灯任务");
            if (bulletin.red().isEmpty()) {
                document.paragraph("截至" + date(bulletin.to()) + "，无超过整改时限未销号的任务。");
            } else {
                document.paragraph("以下" + bulletin.red().size() + "项任务已超过整改时限仍未销号，请责任单位抓紧整改，"
                        + "按时报送整改佐证材料" + (bulletin.red().size() == BulletinService.RED_NAMED && total.overdue() > BulletinService.RED_NAMED ? "（另有"
                                + (total.overdue() - bulletin.red().size()) + "项未列出）" : "") + "：");
                int n = 0;
                for (ProgressBulletin.RedTask task : bulletin.red()) {
                    document.paragraph(++n + ". " + task.unit() + "：", task.title() + "（整改时限" + date(task.deadline())
                            + "，已逾期" + task.daysLate() + "天）。");
                }
            }
            document.heading1("五、下步要求");
            document.paragraph("各乡镇、各部门要对照红灯任务和排名情况，压紧压实整改责任，逐项销号；整改销号率排名靠后的单位要分析原因，"
                    + "明确时间节点，确保按期完成整改。");
            document.signature(bulletin.office(), date(bulletin.issued()));
            document.write(out);
        }
    }

    /** Rows of figures, numbered in the order given (the league's order for townships). */
    static List<List<String>> figureRows(List<FiguresService.Row> figures) {
        List<List<String>> rows = new ArrayList<>();
        for (FiguresService.Row row : figures) {
            rows.add(List.of(Integer.toString(rows.size() + 1), row.name() == null ? "" : row.name(), Long.toString(row.total()),
                    Long.toString(row.verified()), Long.toString(row.overdue()), percent(row.closureRate())));
        }
        return rows;
    }

    private static String groups(Inspection inspection) {
        if (inspection.groups().isEmpty()) {
            return "";
        }
        return "分" + of(inspection.groups().size()) + "个督查组（" + inspection.groups().stream()
                .map(g -> g.name() + "：组长" + g.leader() + (g.members().isEmpty() ? "" : "，成员" + String.join("、", g.members())))
                .collect(Collectors.joining("；")) + "）";
    }

    private static String summary(InspectionBulletin bulletin) {
        FiguresService.Row figures = bulletin.figures();
        return "本次督查共发现问题" + bulletin.findings() + "个，涉及" + bulletin.units() + "个单位；交办整改任务" + figures.total()
                + "项，已整改销号" + figures.verified() + "项，正在整改" + figures.open() + "项（其中已报送待验收" + figures.submitted()
                + "项），逾期未完成" + figures.overdue() + "项，整改销号率" + percent(figures.closureRate()) + "。";
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** Each finding's wording, one after the other: "…；…。" */
    private static String sentences(List<String> descriptions) {
        return descriptions.stream().map(d -> d.replaceAll("[。；;.\\s]+$", "")).collect(Collectors.joining("；", "", "。"));
    }

    private static Map<String, List<RectificationTask>> byUnit(List<RectificationTask> tasks) {
        Map<String, List<RectificationTask>> byUnit = new LinkedHashMap<>();
        tasks.forEach(t -> byUnit.computeIfAbsent(t.unit().name(), u -> new ArrayList<>()).add(t));
        return byUnit;
    }

    static List<List<String>> rows(List<RectificationTask> tasks) {
        List<List<String>> rows = new ArrayList<>();
        for (RectificationTask t : tasks) {
            rows.add(List.of(Integer.toString(rows.size() + 1), t.unit().name(), t.category().ledgerWord(), t.title(),
                    t.measures(), t.responsiblePerson(), t.deadline().toString(), t.state().ledgerWord()));
        }
        return rows;
    }
}
