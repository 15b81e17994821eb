package org.tuanjie.units.indicators.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.platform.sheets.SheetRow;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.IndicatorTable;
import org.tuanjie.units.indicators.IndicatorTitles;
import org.tuanjie.units.indicators.MeasuredBy;
import org.tuanjie.units.unit.UnitKind;

/**
 * The indicator table as it circulates between offices: one row per indicator, headers in Chinese (or English), unit
 * kinds and measurement in words a clerk types, expected evidence one column per kind. Read from .xlsx (first sheet)
 * or CSV (UTF-8), every bad cell reported by line and column; written back in the same form, so an exported table
 * imports unchanged.
 */
final class IndicatorSheet {

    /** Canonical column → the header written on export; every one of them is read back. */
    private static final Map<String, String> WRITTEN = columns();
    private static final Map<String, String> READ = headers();
    private static final Map<ActivityKind, String> ACTIVITY_COLUMNS = Map.of(ActivityKind.PUBLICITY, "publicity",
            ActivityKind.TRAINING, "training", ActivityKind.PROMOTION_MEETING, "promotion_meeting",
            ActivityKind.POLICY_STUDY, "policy_study", ActivityKind.SHOWCASE, "showcase");
    private static final Map<UnitKind, String> KIND_WORDS = kindWords();
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、;；/\\s]+");
    private static final Pattern POINTS = Pattern.compile("\\d{1,5}(\\.\\d{1,2})?");

    private IndicatorSheet() {
    }

    /** What a sheet held: its indicators, the line each came from, and every error (then the indicators are not used). */
    record Parsed(List<IndicatorDefinition> rows, List<Integer> lines, List<Violation> errors, Set<IndicatorCode> codesOnBadRows) {
    }

    static Parsed read(SheetReader.ReadSheet sheet) {
        List<Violation> errors = new ArrayList<>(sheet.missing(List.of("code", "title_zh", "points"), WRITTEN::get));
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), List.of(), errors, Set.of());
        }
        if (sheet.rows().isEmpty()) {
            return new Parsed(List.of(), List.of(), List.of(new Violation("file", "import.empty")), Set.of());
        }
        List<IndicatorDefinition> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<IndicatorCode> bad = new LinkedHashSet<>();
        for (SheetRow row : sheet.rows()) {
            int before = errors.size();
            IndicatorDefinition definition = row(row, errors);
            if (errors.size() == before) {
                rows.add(definition);
                lines.add(row.line());
            } else {
                IndicatorCode.parse(row.get("code")).ifPresent(bad::add);
            }
        }
        return new Parsed(rows, lines, errors, bad);
    }

    /**
     * The sheet, .xlsx when the media type says so and CSV otherwise.
     *
     * @throws org.tuanjie.platform.sheets.SheetRefused when the file is not a sheet, or has more rows than a catalogue
     *                                                  may have indicators
     */
    static SheetReader.ReadSheet parse(Path sheet, String mediaType) {
        return SheetReader.read(sheet, mediaType, IndicatorTable.MAX_INDICATORS, READ::get);
    }

    private static IndicatorDefinition row(SheetRow row, List<Violation> errors) {
        int line = row.line();
        IndicatorCode code = code(row, "code", true, errors);
        IndicatorCode parent = code(row, "parent_code", false, errors);
        IndicatorTitles titles = null;
        Map<String, String> byLanguage = new HashMap<>();
        for (String language : IndicatorTitles.LANGUAGES) {
            String title = row.get("title_" + language);
            if (title != null && (title.length() > IndicatorTitles.MAX_LENGTH || title.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
                errors.add(new Violation("title_" + language, "indicator.title", IndicatorTitles.MAX_LENGTH).atLine(line));
            } else if (title != null) {
                byLanguage.put(language, title);
            }
        }
        if (row.get("title_zh") == null) {
            errors.add(new Violation("title_zh", "field.required").atLine(line));
        } else if (byLanguage.containsKey("zh")) {
            titles = new IndicatorTitles(byLanguage);
        }
        BigDecimal points = null;
        String pointsText = row.get("points");
        if (pointsText == null) {
            errors.add(new Violation("points", "field.required").atLine(line));
        } else if (!POINTS.matcher(pointsText).matches() || new BigDecimal(pointsText).signum() <= 0
                || new BigDecimal(pointsText).compareTo(IndicatorDefinition.MAX_POINTS) > 0) {
            errors.add(new Violation("points", "indicator.points", pointsText, IndicatorDefinition.MAX_POINTS).atLine(line));
        } else {
            points = new BigDecimal(pointsText);
        }
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (String word : words(row.get("unit_kinds"))) {
            UnitKind.named(word).ifPresentOrElse(kinds::add,
                    () -> errors.add(new Violation("unit_kinds", "import.kind", word).atLine(line)));
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String word : words(row.get("domains"))) {
            String domain = word.toUpperCase(Locale.ROOT);
            if (!domain.matches("[A-Z][A-Z0-9_]{0,39}")) {
                errors.add(new Violation("domains", "indicator.domain", word).atLine(line));
            } else {
                domains.add(domain);
            }
        }
        int documents = count(row, "documents", errors);
        Map<ActivityKind, Integer> activities = new EnumMap<>(ActivityKind.class);
        ACTIVITY_COLUMNS.forEach((kind, column) -> activities.put(kind, count(row, column, errors)));
        boolean evidence = documents > 0 || activities.values().stream().anyMatch(n -> n > 0);
        MeasuredBy measuredBy = measuredBy(row.get("measured_by"))
                .orElse(row.get("measured_by") == null ? (evidence ? MeasuredBy.SUITE : MeasuredBy.REVIEWER) : null);
        if (measuredBy == null) {
            errors.add(new Violation("measured_by", "indicator.measured-by", row.get("measured_by")).atLine(line));
        } else if (measuredBy == MeasuredBy.SUITE && !evidence) {
            errors.add(new Violation("measured_by", "indicator.suite-needs-evidence").atLine(line));
        }
        if (code != null && code.equals(parent)) {
            errors.add(new Violation("parent_code", "import.cycle").atLine(line));
        }
        if (code == null || titles == null || points == null || measuredBy == null || code.equals(parent)) {
            return null;
        }
        return new IndicatorDefinition(code, parent, titles, points, kinds, domains, measuredBy, documents, activities);
    }

    private static IndicatorCode code(SheetRow row, String column, boolean required, List<Violation> errors) {
        String text = row.get(column);
        if (text == null) {
            if (required) {
                errors.add(new Violation(column, "field.required").atLine(row.line()));
            }
            return null;
        }
        Optional<IndicatorCode> code = IndicatorCode.parse(text);
        if (code.isEmpty()) {
            errors.add(new Violation(column, "dossier.indicator.form").atLine(row.line()));
        }
        return code.orElse(null);
    }

    private static int count(SheetRow row, String column, List<Violation> errors) {
        String text = row.get(column);
        if (text == null) {
            return 0;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) > IndicatorDefinition.MAX_EXPECTED) {
            errors.add(new Violation(column, "indicator.count", text, IndicatorDefinition.MAX_EXPECTED).atLine(row.line()));
            return 0;
        }
        return Integer.parseInt(text);
    }

    private static List<String> words(String cell) {
        return cell == null ? List.of() : LIST_SEPARATOR.splitAsStream(cell).filter(w -> !w.isBlank()).toList();
    }

    private static Optional<MeasuredBy> measuredBy(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "SUITE", "系统", "系统计量", "自动" -> Optional.of(MeasuredBy.SUITE);
            case "REVIEWER", "评审", "评审打分", "人工", "人工评分" -> Optional.of(MeasuredBy.REVIEWER);
            default -> Optional.empty();
        };
    }

    /** The table as .xlsx: a header row in Chinese, one row per indicator, in the catalogue's order. */
    static byte[] xlsx(String sheetName, List<IndicatorDefinition> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " ").substring(0, Math.min(31, sheetName.length())));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            int c = 0;
            for (String title : WRITTEN.values()) {
                Cell cell = header.createCell(c++);
                cell.setCellValue(title);
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = cells(rows.get(r));
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(2, 60 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as CSV (UTF-8 with a byte-order mark, as Excel opens it). */
    static byte[] csv(List<IndicatorDefinition> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(WRITTEN.values());
            for (IndicatorDefinition row : rows) {
                printer.printRecord(cells(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> cells(IndicatorDefinition row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("code", row.code().value());
        cells.put("parent_code", row.parent() == null ? "" : row.parent().value());
        cells.put("title_zh", row.titles().chinese());
        cells.put("title_bo", row.titles().byLanguage().getOrDefault("bo", ""));
        cells.put("title_en", row.titles().byLanguage().getOrDefault("en", ""));
        cells.put("points", row.points().stripTrailingZeros().toPlainString());
        cells.put("unit_kinds", row.unitKinds().stream().sorted().map(KIND_WORDS::get).collect(Collectors.joining("、")));
        cells.put("domains", row.domains().stream().sorted().collect(Collectors.joining("、")));
        cells.put("measured_by", row.measuredBy() == MeasuredBy.SUITE ? "系统计量" : "评审打分");
        cells.put("documents", row.expectedDocuments() == 0 ? "" : Integer.toString(row.expectedDocuments()));
        ACTIVITY_COLUMNS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Integer n = row.expectedActivities().get(e.getKey());
            cells.put(e.getValue(), n == null ? "" : n.toString());
        });
        return WRITTEN.keySet().stream().map(cells::get).toList();
    }

    private static Map<String, String> columns() {
        Map<String, String> written = new LinkedHashMap<>();
        written.put("code", "指标编号");
        written.put("parent_code", "上级指标");
        written.put("title_zh", "指标名称");
        written.put("title_bo", "藏文名称");
        written.put("title_en", "英文名称");
        written.put("points", "分值");
        written.put("unit_kinds", "适用单位类型");
        written.put("domains", "适用领域");
        written.put("measured_by", "评价方式");
        written.put("documents", "应有文件数");
        written.put("publicity", "宣传活动次数");
        written.put("training", "培训次数");
        written.put("promotion_meeting", "推进会次数");
        written.put("policy_study", "政策学习次数");
        written.put("showcase", "示范观摩次数");
        return written;
    }

    private static Map<String, String> headers() {
        Map<String, String> read = new HashMap<>();
        WRITTEN.forEach((column, header) -> {
            read.put(column, column);
            read.put(header, column);
        });
        read.putAll(Map.of("编号", "code", "上级编号", "parent_code", "指标", "title_zh", "title", "title_zh", "测评指标", "title_zh",
                "适用单位", "unit_kinds", "评分方式", "measured_by", "文件数", "documents"));
        return Map.copyOf(read);
    }

    private static Map<UnitKind, String> kindWords() {
        Map<UnitKind, String> words = new EnumMap<>(UnitKind.class);
        words.putAll(Map.ofEntries(Map.entry(UnitKind.PROVINCE, "省"), Map.entry(UnitKind.PREFECTURE, "州"),
                Map.entry(UnitKind.COUNTY, "县"), Map.entry(UnitKind.TOWNSHIP, "乡镇"), Map.entry(UnitKind.VILLAGE, "村/社区"),
                Map.entry(UnitKind.ORGAN, "机关"), Map.entry(UnitKind.INSTITUTION, "事业单位"), Map.entry(UnitKind.ENTERPRISE, "企业"),
                Map.entry(UnitKind.SCHOOL, "学校"), Map.entry(UnitKind.RELIGIOUS_VENUE, "宗教活动场所"),
                Map.entry(UnitKind.HOSPITAL, "医院"), Map.entry(UnitKind.SCENIC_AREA, "景区"),
                Map.entry(UnitKind.CORPS_COMPANY, "连队")));
        return words;
    }
}
