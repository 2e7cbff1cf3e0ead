package io.hirebot.sandbox;

import static io.hirebot.sandbox.HireApplicationRoutes.V1;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Evaluation;
import io.hirebot.sandbox.hire.HireData;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A user's resume-evaluation and exam-marking tasks (Hire v1 {@code evaluation_tasks}, {@code exam_marking_tasks}):
 * {@code user_id} required, {@code activity_status} optional, at most 20 a page (default 10), items
 * {@code {id, job_id, talent_id, application_id, activity_status}} as the SDK's {@code EvaluationTask} and
 * {@code ExamMarkingTask}. The interviewers' tasks live with the interviews ({@link HireInterviewRoutes}).
 */
final class HireTaskRoutes {

  /** evaluation_tasks activity_status: 1 待评估, 2 已评估, 3 无需评估. */
  private static final int TO_EVALUATE = 1;
  private static final int EVALUATED = 2;
  private static final int NO_NEED = 3;

  private final HireTenant hire;

  HireTaskRoutes(HireTenant hire) {
    this.hire = hire;
  }

  void install(Api api) {
    api.get(V1 + "/evaluation_tasks", Api.DEFAULT_RATE, ctx -> list(ctx, (d, user) -> d.evaluations.values().stream()
        .filter(e -> e.evaluatorId().equals(user))
        .map(e -> task(d, e.id(), e.applicationId(), status(d, e)))));
    // A reviewer's marking tasks are their written tests, in the status the test itself says (to mark while 待阅卷,
    // marked once scored): one record, so a scored test is never also a test to mark.
    api.get(V1 + "/exam_marking_tasks", Api.DEFAULT_RATE, ctx -> list(ctx, (d, user) -> d.tests.values().stream()
        .filter(t -> user.equals(t.reviewerId()) && t.markingStatus() != null)
        .map(t -> task(d, t.id(), t.applicationId(), t.markingStatus()))));
  }

  private JsonObject list(RoutingContext ctx, BiFunction<HireData, String, Stream<JsonObject>> tasks) {
    int size = Paging.pageSize(ctx, 10, 20);
    String user = HireParams.required(ctx, "user_id");
    Integer wanted = HireParams.activityStatus(ctx);
    return hire.read(d -> {
      List<JsonObject> found = tasks.apply(d, user)
          .filter(t -> wanted == null || t.getInteger("activity_status").equals(wanted)).toList();
      return Paging.page(ctx, found, size, t -> t);
    });
  }

  private static int status(HireData d, Evaluation e) {
    return e.commitStatus() == 1 ? EVALUATED : d.applications.get(e.applicationId()).active() ? TO_EVALUATE : NO_NEED;
  }

  private static JsonObject task(HireData d, String id, String applicationId, int status) {
    Application a = d.applications.get(applicationId);
    return new JsonObject().put("id", id).put("job_id", a.jobId()).put("talent_id", a.talentId())
        .put("application_id", a.id()).put("activity_status", status);
  }
}
