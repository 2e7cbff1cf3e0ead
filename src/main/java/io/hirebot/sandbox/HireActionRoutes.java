package io.hirebot.sandbox;

import static io.hirebot.sandbox.HireApplicationRoutes.V1;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.TerminationReason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The Hire writes a bot makes on applications (transfer_stage, terminate, recover) and termination reasons. */
final class HireActionRoutes {

  private static final int TRANSFER_FAILED = 1002205;
  private static final Set<Integer> TERMINATION_TYPES = Set.of(1, 22, 27);

  private final HireTenant hire;
  private final Clock clock;

  HireActionRoutes(HireTenant hire, Clock clock) {
    this.hire = hire;
    this.clock = clock;
  }

  void install(Api api) {
    api.post(V1 + "/applications/:application_id/transfer_stage", Api.DEFAULT_RATE, this::transfer);
    api.post(V1 + "/applications/:application_id/terminate", Api.DEFAULT_RATE, this::terminate);
    api.post(V1 + "/applications/:application_id/recover", Api.DEFAULT_RATE, this::recover);
    api.get(V1 + "/termination_reasons", Api.DEFAULT_RATE, ctx -> {
      int size = Paging.pageSize(ctx, 10, 200);
      return hire.read(d -> Paging.page(ctx, List.copyOf(d.terminationReasons.values()), size, HireJson::terminationReason));
    });
  }

  private JsonObject transfer(RoutingContext ctx) {
    String target = Api.jsonBody(ctx, 1002002).getString("stage_id");
    if (target == null || target.isBlank()) {
      throw ApiError.hireParam("stage_id is required");
    }
    boolean moves = hire.read(d -> {
      Application a = HireApplicationRoutes.application(d, ctx);
      JobProcess p = d.processOf(d.jobs.get(a.jobId()));
      Stage to = p.stage(target).orElseThrow(() ->
          ApiError.badRequest(1002203, "job process stage does not exist: the stage is not in the job's process"));
      Stage from = HireApplicationRoutes.stageOf(d, a);
      if (!a.active()) {
        throw ApiError.badRequest(TRANSFER_FAILED, "transfer stage failed: the application is terminated");
      }
      if (from.type() == Stage.ONBOARDED || to.type() == Stage.ONBOARDED) {
        throw ApiError.badRequest(TRANSFER_FAILED, "transfer stage failed: cannot transfer into or out of the onboarded stage");
      }
      return !from.id().equals(to.id());
    });
    if (moves) {
      // Through the tenant's mutator, which also fires hire.application.stage_changed_v1.
      hire.moveApplication(ctx.pathParam("application_id"), target);
    }
    return new JsonObject();
  }

  /**
   * Like Feishu, fires no event: of Hire's 12 events (SDK 2.5.3's EventDispatcher) none reports a termination or a
   * recovery, and stage_changed_v1 reports moves between stages, which neither makes.
   */
  private JsonObject terminate(RoutingContext ctx) {
    JsonObject body = Api.jsonBody(ctx, 1002002);
    Object typeValue = body.getValue("termination_type");
    if (!(typeValue instanceof Number n) || !TERMINATION_TYPES.contains(n.intValue())) {
      throw ApiError.hireParam("termination_type is required and must be 1, 22 or 27");
    }
    int type = n.intValue();
    List<String> reasons = strings(body.getJsonArray("termination_reason_list"));
    String note = body.getString("termination_reason_note");
    long now = clock.millis();
    hire.write(d -> {
      Application a = HireApplicationRoutes.application(d, ctx);
      checkReasons(d, reasons, type);
      if (!a.active()) {
        throw ApiError.hireParam("the application is already terminated");
      }
      // A hire is not terminated: in the onboarded stage, or joined (an employee record) while still in another.
      if (HireApplicationRoutes.stageOf(d, a).type() == Stage.ONBOARDED || d.employeeOf(a.id()).isPresent()) {
        throw ApiError.badRequest(TRANSFER_FAILED, "an onboarded application cannot be terminated");
      }
      d.applications.put(a.id(), a.terminated(type, reasons, note, now));
    });
    return new JsonObject();
  }

  /** Fires no event either (see {@link #terminate}). */
  private JsonObject recover(RoutingContext ctx) {
    long now = clock.millis();
    hire.write(d -> {
      Application a = HireApplicationRoutes.application(d, ctx);
      if (a.active()) {
        throw ApiError.hireParam("the application is not terminated");
      }
      d.applications.put(a.id(), a.recovered(now));
    });
    return new JsonObject();
  }

  private static void checkReasons(HireData d, List<String> ids, int type) {
    for (String id : ids) {
      TerminationReason r = d.terminationReasons.get(id);
      if (r == null || r.activeStatus() != 1) {
        throw ApiError.hireParam("termination reason " + id + " does not exist or is disabled");
      }
      if (r.type() != type) {
        throw ApiError.hireParam("termination reason " + id + " does not match termination_type " + type);
      }
    }
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }
}
