package io.hirebot.sandbox;

import static io.hirebot.sandbox.HireApplicationRoutes.V1;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.Interview;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** Interviews of Hire v1: list by application / id / time window, by talent, and an interviewer's tasks. */
final class HireInterviewRoutes {

  /** interview_tasks activity_status: 1 not started, 2 feedback due, 3 feedback given, 5 terminated. */
  private static final int NOT_STARTED = 1;
  private static final int FEEDBACK_DUE = 2;
  private static final int FEEDBACK_GIVEN = 3;
  private static final int TERMINATED = 5;

  private final HireTenant hire;
  private final Clock clock;

  HireInterviewRoutes(HireTenant hire, Clock clock) {
    this.hire = hire;
    this.clock = clock;
  }

  void install(Api api) {
    api.get(V1 + "/interviews", Api.DEFAULT_RATE, this::list);
    api.get(V1 + "/interviews/get_by_talent", Api.DEFAULT_RATE, this::byTalent);
    api.get(V1 + "/interview_tasks", Api.DEFAULT_RATE, this::tasks);
  }

  private JsonObject list(RoutingContext ctx) {
    int size = Paging.pageSize(ctx, 10, 100);
    String applicationId = HireParams.optional(ctx, "application_id");
    String interviewId = HireParams.optional(ctx, "interview_id");
    Long start = HireParams.millis(ctx, "start_time");
    Long end = HireParams.millis(ctx, "end_time");
    if (applicationId == null && interviewId == null && start == null && end == null) {
      throw ApiError.hireParam("one of application_id, interview_id, start_time, end_time is required");
    }
    long now = clock.millis();
    return hire.read(d -> {
      List<Interview> found = d.interviews.values().stream()
          .filter(i -> applicationId == null || i.applicationId().equals(applicationId))
          .filter(i -> interviewId == null || i.id().equals(interviewId))
          .filter(i -> start == null || i.beginTime() >= start)
          .filter(i -> end == null || i.beginTime() <= end)
          .sorted(Comparator.comparingLong(Interview::beginTime).thenComparing(Interview::id))
          .toList();
      return Paging.page(ctx, found, size, i -> HireJson.interview(d, i, now, false));
    });
  }

  private JsonObject byTalent(RoutingContext ctx) {
    String talentId = HireParams.required(ctx, "talent_id");
    long now = clock.millis();
    return hire.read(d -> {
      HirePeopleRoutes.talent(d, talentId);
      JsonArray items = new JsonArray();
      d.applications.values().stream().filter(a -> a.talentId().equals(talentId)).forEach(a -> {
        JsonArray list = new JsonArray();
        d.interviews.values().stream().filter(i -> i.applicationId().equals(a.id()))
            .sorted(Comparator.comparingLong(Interview::beginTime))
            .forEach(i -> list.add(HireJson.interview(d, i, now, false)));
        items.add(new JsonObject().put("application_id", a.id()).put("interview_list", list));
      });
      return new JsonObject().put("items", items);
    });
  }

  /** One task per interview the user is an interviewer of, with its feedback state. */
  private JsonObject tasks(RoutingContext ctx) {
    int size = Paging.pageSize(ctx, 10, 20);
    String userId = HireParams.required(ctx, "user_id");
    Integer wanted = HireParams.activityStatus(ctx);
    long now = clock.millis();
    return hire.read(d -> {
      List<JsonObject> tasks = d.interviews.values().stream()
          .sorted(Comparator.comparingLong(Interview::beginTime))
          .flatMap(i -> i.feedback().stream().filter(f -> f.interviewerId().equals(userId)).map(f -> {
            Application a = d.applications.get(i.applicationId());
            int status = !a.active() ? TERMINATED : f.submitted() ? FEEDBACK_GIVEN
                : i.beginTime() > now ? NOT_STARTED : FEEDBACK_DUE;
            return new JsonObject().put("id", i.id()).put("job_id", a.jobId()).put("talent_id", a.talentId())
                .put("application_id", a.id()).put("activity_status", status);
          }))
          .filter(t -> wanted == null || t.getInteger("activity_status").equals(wanted))
          .toList();
      return Paging.page(ctx, tasks, size, t -> t);
    });
  }
}
