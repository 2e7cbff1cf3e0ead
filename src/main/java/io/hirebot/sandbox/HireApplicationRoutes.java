package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.Interview;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Applications of Hire v1: list (ids only), get, get_detail and the application's offer. */
final class HireApplicationRoutes {

  static final String V1 = "/open-apis/hire/v1";
  /** Documented limit of application get_detail. */
  static final int GET_DETAIL_RATE = 10;
  private static final int OFFER_RATE = 20;
  private static final Set<String> OPTIONS = Set.of("with_job", "with_talent", "with_interview", "with_offer",
      "with_evaluation", "with_employee", "with_agency", "with_referral", "with_portal");

  private final HireTenant hire;
  private final Clock clock;
  private final TenantScopes scopes;

  HireApplicationRoutes(HireTenant hire, Clock clock, TenantScopes scopes) {
    this.hire = hire;
    this.clock = clock;
    this.scopes = scopes;
  }

  void install(Api api) {
    api.get(V1 + "/applications", Api.DEFAULT_RATE, this::list);
    api.get(V1 + "/applications/:application_id", Api.DEFAULT_RATE, ctx -> hire.read(d ->
        new JsonObject().put("application", HireJson.application(d, application(d, ctx)))));
    api.get(V1 + "/applications/:application_id/get_detail", GET_DETAIL_RATE, this::detail);
    api.get(V1 + "/applications/:application_id/offer", OFFER_RATE, ctx -> hire.read(d -> {
      Application a = application(d, ctx);
      JsonObject data = new JsonObject();
      currentOffer(d, a).ifPresent(o -> data.put("offer", HireJson.applicationOffer(d, o)));
      return data;
    }));
  }

  private JsonObject list(RoutingContext ctx) {
    int size = Paging.pageSize(ctx, 10, 100);
    String jobId = HireParams.optional(ctx, "job_id");
    String processId = HireParams.optional(ctx, "process_id");
    String stageId = HireParams.optional(ctx, "stage_id");
    String talentId = HireParams.optional(ctx, "talent_id");
    String status = HireParams.optional(ctx, "active_status");
    if (status != null && !Set.of("1", "2", "3").contains(status)) {
      throw ApiError.hireParam("active_status must be 1, 2 or 3");
    }
    Long from = HireParams.millis(ctx, "update_start_time");
    Long to = HireParams.millis(ctx, "update_end_time");
    return hire.read(d -> {
      List<Application> apps = d.applications.values().stream()
          .filter(a -> jobId == null || a.jobId().equals(jobId))
          .filter(a -> processId == null || d.jobs.get(a.jobId()).processId().equals(processId))
          .filter(a -> stageId == null || a.stageId().equals(stageId))
          .filter(a -> talentId == null || a.talentId().equals(talentId))
          .filter(a -> status == null || "3".equals(status) || String.valueOf(a.activeStatus()).equals(status))
          .filter(a -> from == null || a.modifyTime() >= from)
          .filter(a -> to == null || a.modifyTime() <= to)
          .toList();
      return Paging.page(ctx, apps, size, Application::id);
    });
  }

  private JsonObject detail(RoutingContext ctx) {
    List<String> asked = ctx.queryParam("options");
    for (String o : asked) {
      if (!OPTIONS.contains(o)) {
        throw ApiError.hireParam("unknown option " + o);
      }
    }
    // A field whose scope the app lacks is left out, not refused (reference §4: per-entity field scopes).
    List<String> options = asked.stream().filter(o -> scopes.allows(ScopeRules.detailField(o))).toList();
    long now = clock.millis();
    return hire.read(d -> {
      Application a = application(d, ctx);
      JsonObject detail = new JsonObject().put("basic_info", HireJson.applicationBasic(d, a));
      if (options.contains("with_job")) {
        Job j = d.jobs.get(a.jobId());
        detail.put("job", new JsonObject().put("id", j.id()).put("name", j.title()).put("code", j.code()));
      }
      if (options.contains("with_talent")) {
        detail.put("talent", HireJson.talentBrief(d.talents.get(a.talentId())));
      }
      if (options.contains("with_interview")) {
        JsonArray list = new JsonArray();
        d.interviews.values().stream().filter(i -> i.applicationId().equals(a.id()))
            .sorted(Comparator.comparingLong(Interview::beginTime))
            .forEach(i -> list.add(HireJson.interview(d, i, now, true)));
        detail.put("interview_aggregation", new JsonObject().put("interviews", list));
      }
      if (options.contains("with_offer")) {
        currentOffer(d, a).ifPresent(o -> detail.put("offer", HireJson.offerDetail(d, o)));
      }
      if (options.contains("with_evaluation")) {
        JsonArray list = new JsonArray();
        d.evaluations.values().stream().filter(e -> e.applicationId().equals(a.id()))
            .forEach(e -> list.add(HireJson.evaluation(e)));
        detail.put("evaluations", list);
      }
      if (options.contains("with_employee")) {
        d.employeeOf(a.id()).ifPresent(e -> detail.put("employee", HireJson.employeeDetail(e)));
      }
      return new JsonObject().put("application_detail", detail);
    });
  }

  static Application application(HireData d, RoutingContext ctx) {
    Application a = d.applications.get(ctx.pathParam("application_id"));
    if (a == null) {
      throw ApiError.badRequest(1002201, "application does not exist");
    }
    return a;
  }

  /**
   * The application's offer as get_detail and applications/:id/offer show it: the latest one made, when an offer
   * was re-issued after a declined or expired one (Hire keeps both; the offer list shows both).
   */
  private static java.util.Optional<Offer> currentOffer(HireData d, Application a) {
    return d.offers.values().stream().filter(o -> o.applicationId().equals(a.id()))
        .max(Comparator.comparingLong(Offer::createTime));
  }

  static Stage stageOf(HireData d, Application a) {
    JobProcess p = d.processOf(d.jobs.get(a.jobId()));
    return p.stage(a.stageId()).orElseThrow();
  }
}
