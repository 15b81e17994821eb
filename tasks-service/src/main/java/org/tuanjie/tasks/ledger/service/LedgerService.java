package org.tuanjie.tasks.ledger.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tuanjie.platform.files.Files;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.evidence.service.EvidenceOwners;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.task.ExtensionRequest;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.Warning;
import org.tuanjie.tasks.task.service.TaskFilter;
import org.tuanjie.tasks.task.service.TaskQueries;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.client.UnitsClient;

/**
 * The rectification ledger (整改台账), row by row from a database cursor: a whole county's tasks
 * never sit in memory at once.
 */
@ApplicationScoped
public class LedgerService {

    /** The columns, those county offices already kept first, in their order; what the suite adds after them. */
    public static final List<String> HEADERS = List.of("序号", "责任单位", "单位代码", "所属乡镇", "问题类别", "问题/任务",
            "整改措施", "责任人", "整改时限", "状态", "预警", "销号日期", "销号人",
            "整改佐证材料", "督查", "问题描述", "整改完成情况", "配合单位", "原定时限", "延期情况", "是否逾期", "交办日期", "报送日期");

    private static final Map<Warning, String> LIGHTS = Map.of(Warning.GREEN, "绿", Warning.YELLOW, "黄", Warning.RED, "红");

    @Inject
    EntityManager em;

    @Inject
    TaskQueries queries;

    @Inject
    TasksConfig config;

    @Inject
    Files files;

    @Inject
    Directory directory;

    @Inject
    Caller caller;

    private static final int EVIDENCE_BATCH = 500;

    /** A prepared export: the filter is resolved (and the caller's reach checked) before any byte is written. */
    public Export prepare(TaskFilter filter) {
        return new Export(queries.where(filter), config.today(), config.yellowDays(), unitNamed(filter));
    }

    /** A ledger of tasks already chosen (a bundle's: the reach was checked when it was asked for), of the unit named. */
    public Export prepare(TaskQueries.Condition where, String unitName) {
        return new Export(where, config.today(), config.yellowDays(), unitName);
    }

    /** The ledger as an Excel workbook, one sheet 整改台账; 200 rows in memory, the rest in a temporary file. */
    public static void writeXlsx(Export export, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("整改台账");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            int[] next = {1};
            export.forEachLine(line -> {
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < line.size(); c++) {
                    row.createCell(c).setCellValue(line.get(c));
                }
            });
            workbook.write(out);
        }
    }

    /** The unit a ledger is of: the one the filter names, else the caller's own; its code when units-service is silent. */
    private String unitNamed(TaskFilter filter) {
        try {
            if (filter.unitId() != null || filter.within() != null) {
                UUID id = filter.unitId() != null ? filter.unitId() : filter.within();
                return directory.byId(id).map(UnitsClient.UnitRef::name).orElse(id.toString());
            }
            String code = filter.township() != null ? filter.township() : caller.unitCode().orElse(null);
            return code == null ? "" : directory.byCode(code).map(UnitsClient.UnitRef::name).orElse(code);
        } catch (RuntimeException unavailable) {
            return filter.township() != null ? filter.township() : caller.unitCode().orElse("");
        }
    }

    /**
     * The download's name, with the unit and the day: an ASCII one for old clients and the Chinese one (RFC 6266),
     * 整改台账_德格县_2026-12-03.xlsx.
     */
    public static String disposition(Export export, String extension) {
        String day = export.today.toString();
        String name = "整改台账_" + org.tuanjie.platform.web.Attachment.namePart(export.unit) + "_" + day + "." + extension;
        return org.tuanjie.platform.web.Attachment.disposition("ledger-" + day + "." + extension, name);
    }

    public final class Export {
        private final TaskQueries.Condition where;
        private final LocalDate today;
        private final int yellowDays;
        private final String unit;

        Export(TaskQueries.Condition where, LocalDate today, int yellowDays, String unit) {
            this.where = where;
            this.today = today;
            this.yellowDays = yellowDays;
            this.unit = unit;
        }

        /** Feeds each ledger line, in the task list's order, to {@code sink}. */
        public void forEachLine(Consumer<List<String>> sink) {
            QuarkusTransaction.requiringNew().run(() -> {
                var query = em.createQuery("select t.unit.name, t.unit.code, t.townshipName, t.category, t.title,"
                        + " t.measures, t.responsiblePerson, t.deadline, t.state, t.verifiedAt,"
                        + " coalesce(t.verifiedByName, t.verifiedBy), t.id, i.title, f.description, t.completionReport,"
                        + " t.cooperatingUnits, t.createdAt, t.submittedAt"
                        + " from RectificationTask t left join Inspection i on i.id = t.inspectionId"
                        + " left join Finding f on f.id = t.findingId"
                        + " where " + where.hql() + " order by t.deadline, t.id", Object[].class);
                where.params().forEach(query::setParameter);
                query.setHint("org.hibernate.fetchSize", 500);
                query.setHint("org.hibernate.readOnly", true);
                long[] n = {0};
                List<Object[]> batch = new ArrayList<>();
                try (Stream<Object[]> rows = query.getResultStream()) {
                    rows.forEach(r -> {
                        batch.add(r);
                        if (batch.size() == EVIDENCE_BATCH) {
                            emit(batch, n, sink);
                        }
                    });
                }
                emit(batch, n, sink);
            });
        }

        /** Lines go out in batches: the batch's evidence and extensions are read in one query each, not one per task. */
        private void emit(List<Object[]> batch, long[] n, Consumer<List<String>> sink) {
            List<String> ids = batch.stream().map(r -> r[11].toString()).toList();
            Map<String, List<StoredFile>> evidence = files.of(EvidenceOwners.TASK, ids);
            Map<UUID, List<ExtensionRequest>> extensions = new HashMap<>();
            em.createQuery("select e from ExtensionRequest e where e.taskId in :ids order by e.createdAt", ExtensionRequest.class)
                    .setParameter("ids", batch.stream().map(r -> (UUID) r[11]).toList()).getResultList()
                    .forEach(e -> extensions.computeIfAbsent(e.taskId(), t -> new ArrayList<>()).add(e));
            for (Object[] r : batch) {
                sink.accept(line(++n[0], r, evidence.getOrDefault(r[11].toString(), List.of()),
                        extensions.getOrDefault((UUID) r[11], List.of())));
            }
            batch.clear();
        }

        private String day(OffsetDateTime at) {
            return at == null ? "" : at.atZoneSameInstant(config.zone()).toLocalDate().toString();
        }

        private List<String> line(long number, Object[] r, List<StoredFile> evidence, List<ExtensionRequest> extensions) {
            TaskState state = (TaskState) r[8];
            LocalDate deadline = (LocalDate) r[7];
            Warning light = Warning.of(state, deadline, today, yellowDays);
            OffsetDateTime verifiedAt = (OffsetDateTime) r[9];
            @SuppressWarnings("unchecked")
            List<RectificationTask.CooperatingUnit> cooperating = r[15] == null ? List.of() : (List<RectificationTask.CooperatingUnit>) r[15];
            // the deadline first set: the one the earliest approved extension moved, else the deadline itself
            LocalDate original = extensions.stream().filter(e -> e.state() == ExtensionRequest.State.APPROVED)
                    .map(ExtensionRequest::currentDeadline).findFirst().orElse(deadline);
            boolean overdue = state != TaskState.VERIFIED && today.isAfter(deadline);
            return List.of(Long.toString(number), text(r[0]), text(r[1]), text(r[2]), ((Category) r[3]).ledgerWord(),
                    text(r[4]), text(r[5]), text(r[6]), deadline.toString(), state.ledgerWord(),
                    light == null ? "" : LIGHTS.get(light),
                    day(verifiedAt),
                    text(r[10]), listed(evidence), text(r[12]), text(r[13]), text(r[14]),
                    // by name and code, so that the ledger brought into another county's suite names the same units
                    cooperating.stream().map(u -> u.name() + "（" + u.code() + "）").collect(Collectors.joining("、")),
                    original.toString(), extensions(extensions), overdue ? "是" : "否", day((OffsetDateTime) r[16]),
                    day((OffsetDateTime) r[17]));
        }
    }

    /** Each request: from which deadline to which, and what became of it (待审批, 已批准, 未批准). */
    private static String extensions(List<ExtensionRequest> requests) {
        return requests.stream().map(e -> e.currentDeadline() + "→" + e.requestedDeadline() + "（" + switch (e.state()) {
            case PENDING -> "待审批";
            case APPROVED -> "已批准";
            case REFUSED -> "未批准";
        } + "）").collect(Collectors.joining("；"));
    }

    /** Each file by name and SHA-256, so a printed ledger can be checked against the stored proof. */
    private static String listed(List<StoredFile> evidence) {
        return evidence.stream().map(f -> f.name() + " sha256:" + f.sha256()).collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
