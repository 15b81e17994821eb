package org.tuanjie.launcher;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.tuanjie.sdk.tasks.ApiClient;
import org.tuanjie.sdk.tasks.ApiException;
import org.tuanjie.sdk.tasks.api.InspectionsApi;
import org.tuanjie.sdk.tasks.api.TasksApi;
import org.tuanjie.sdk.tasks.model.Category;
import org.tuanjie.sdk.tasks.model.Finding;
import org.tuanjie.sdk.tasks.model.NewFinding;
import org.tuanjie.sdk.tasks.model.NewTask;
import org.tuanjie.sdk.tasks.model.Severity;
import org.tuanjie.sdk.tasks.model.Task;
import org.tuanjie.sdk.tasks.model.TaskState;
import org.tuanjie.sdk.tasks.model.TaskSubmission;

/**
 * A county platform's program written against the Java client generated from the committed contract, through
 * the gateway with real tokens: a finding recorded, a task assigned (sent twice with one Idempotency-Key, as a
 * retry after a timeout would), started and submitted by the unit, verified by another inspector, and a write
 * with an old version refused with 412. A contract a generator cannot use, or a client it generates that the
 * services refuse, fails here.
 */
final class IntegratorStory {

    private final String gateway;
    private final Checks checks;

    IntegratorStory(String gateway, Checks checks) {
        this.gateway = gateway;
        this.checks = checks;
    }

    void run(String admin, String inspector, String verifier, String liaison, String inspectionId, String unitId) {
        try {
            Finding finding = new InspectionsApi(client(admin)).addFinding(UUID.fromString(inspectionId), new NewFinding()
                    .unitId(UUID.fromString(unitId)).category(Category.PUBLICITY).severity(Severity.MEDIUM)
                    .description("宣传栏双语内容缺失（SDK）"), UUID.randomUUID().toString());
            checks.check(finding.getId() != null, "SDK: admin records a finding with the generated Java client", finding.getId());

            NewTask assignment = new NewTask().findingId(finding.getId()).title("补充宣传栏双语内容")
                    .measures("制作藏汉双语宣传栏").responsiblePerson("格桑").evidenceRequired(false)
                    .deadline(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15));
            String key = UUID.randomUUID().toString();
            TasksApi asInspector = new TasksApi(client(inspector));
            Task task = asInspector.createTask(assignment, key);
            Task retried = asInspector.createTask(assignment, key);
            checks.check(task.getState() == TaskState.ASSIGNED && task.getId().equals(retried.getId()),
                    "SDK: an inspector assigns a task; the same Idempotency-Key sent again gives the same task", task.getId());

            TasksApi asLiaison = new TasksApi(client(liaison));
            Task started = asLiaison.startTask(task.getId(), etag(task));
            Task submitted = asLiaison.submitTask(task.getId(), etag(started),
                    new TaskSubmission().completionReport("已制作并更换藏汉双语宣传栏"));
            checks.check(submitted.getState() == TaskState.SUBMITTED, "SDK: the unit's liaison starts and submits it", submitted.getState());

            int stale = status(() -> new TasksApi(client(verifier)).verifyTask(task.getId(), etag(started)));
            checks.check(stale == 412, "SDK: verifying with the version read before the submission is refused (412)", stale);
            Task verified = new TasksApi(client(verifier)).verifyTask(task.getId(), etag(submitted));
            checks.check(verified.getState() == TaskState.VERIFIED, "SDK: another inspector verifies it (销号)", verified.getState());
        } catch (ApiException e) {
            checks.check(false, "SDK story: " + e.getCode() + " " + e.getResponseBody(), null);
        }
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway + "/api/v1");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** The If-Match of a version the task was read at: its ETag. */
    private static String etag(Task task) {
        return "\"" + task.getVersion() + "\"";
    }

    private interface Call {
        void run() throws ApiException;
    }

    private static int status(Call call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }
}
