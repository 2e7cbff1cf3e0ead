package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.HireJson;
import io.hirebot.sandbox.hire.Job;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Jobs, job detail, recruiters and job processes of Hire v1. */
final class HireJobRoutes {

  private static final String V1 = "/open-apis/hire/v1";

  /** Docs hire-v1/job_process/list: "接口频率限制 20 次/秒" (jobs, the list, is 50/s). */
  static final int PROCESSES_RATE = 20;

  private final HireTenant hire;

  HireJobRoutes(HireTenant hire) {
    this.hire = hire;
  }

  void install(Api api) {
    api.get(V1 + "/jobs", Api.DEFAULT_RATE, this::list);
    api.get(V1 + "/jobs/:job_id", Api.DEFAULT_RATE, ctx -> hire.read(d ->
        new JsonObject().put("job", HireJson.job(d, job(d, ctx)))));
    api.get(V1 + "/jobs/:job_id/get_detail", Api.DEFAULT_RATE, ctx -> hire.read(d ->
        new JsonObject().put("job_detail", HireJson.jobDetail(d, job(d, ctx)))));
    api.get(V1 + "/jobs/:job_id/recruiter", Api.DEFAULT_RATE, ctx -> hire.read(d ->
        new JsonObject().put("info", HireJson.recruiter(job(d, ctx)))));
    api.get(V1 + "/jobs/:job_id/managers/:manager_id", Api.DEFAULT_RATE, ctx -> hire.read(d ->
        new JsonObject().put("info", HireJson.recruiter(job(d, ctx)))));
    api.get(V1 + "/job_processes", PROCESSES_RATE, ctx -> {
      int size = Paging.pageSize(ctx, 10, 100);
      return hire.read(d -> Paging.page(ctx, List.copyOf(d.processes.values()), size, HireJson::process));
    });
  }

  private JsonObject list(RoutingContext ctx) {
    int size = Paging.pageSize(ctx, 10, 20);
    Long from = HireParams.millis(ctx, "update_start_time");
    Long to = HireParams.millis(ctx, "update_end_time");
    return hire.read(d -> {
      List<Job> jobs = d.jobs.values().stream()
          .filter(j -> from == null || j.updateTime() >= from)
          .filter(j -> to == null || j.updateTime() <= to)
          .toList();
      return Paging.page(ctx, jobs, size, j -> HireJson.job(d, j));
    });
  }

  static Job job(HireData d, RoutingContext ctx) {
    Job job = d.jobs.get(ctx.pathParam("job_id"));
    if (job == null) {
      throw ApiError.badRequest(1002207, "job does not exist");
    }
    return job;
  }
}
