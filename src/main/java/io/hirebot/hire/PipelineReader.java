package io.hirebot.hire;

import io.hirebot.error.FeishuApiException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job's active pipeline with as few Hire round trips as the API allows: one id list per stage
 * (all in parallel, which also gives the counts and the process order for free), then application
 * details only for the page being shown, again in parallel.
 */
public final class PipelineReader {
  private final HireDirectory hire;

  public PipelineReader(HireDirectory hire) {
    this.hire = hire;
  }

  /** Ids of the job's active applications in process order (one list call per stage, in parallel). */
  public Future<List<String>> activeIds(Job job) {
    return stageLists(job).map(StageLists::ordered);
  }

  public Future<PipelinePage> read(Job job, int page, int pageSize) {
    return stageLists(job).compose(lists -> {
      List<String> ordered = lists.ordered();
      int pages = Math.max(1, (ordered.size() + pageSize - 1) / pageSize);
      int p = Math.max(0, Math.min(page, pages - 1));
      List<String> slice = ordered.subList(Math.min(ordered.size(), p * pageSize),
          Math.min(ordered.size(), (p + 1) * pageSize));
      List<Future<Application>> details = slice.stream().map(hire::application).toList();
      return Future.all(details).map(done -> new PipelinePage(job, lists.process(), lists.counts(),
          details.stream().map(Future::result).toList(), p, pageSize, ordered.size()));
    });
  }

  /** The job's process, its per-stage counts and all active application ids in process order. */
  private record StageLists(JobProcess process, List<PipelinePage.StageCount> counts, List<String> ordered) {}

  private Future<StageLists> stageLists(Job job) {
    return hire.processes().compose(processes -> {
      JobProcess process = processes.stream().filter(p -> p.id().equals(job.processId())).findFirst()
          .orElse(null);
      if (process == null) {
        return Future.failedFuture(new FeishuApiException("hire.job_process.list", 200, 1002202,
            "job process " + job.processId() + " of job " + job.id() + " not found", ""));
      }
      List<Future<List<String>>> perStage = process.stages().stream()
          .map(s -> hire.activeApplicationIds(job.id(), s.id()))
          .toList();
      return Future.all(perStage).map(all -> {
        List<PipelinePage.StageCount> counts = new ArrayList<>();
        List<String> ordered = new ArrayList<>();
        for (int i = 0; i < perStage.size(); i++) {
          List<String> ids = perStage.get(i).result();
          counts.add(new PipelinePage.StageCount(process.stages().get(i), ids.size()));
          ordered.addAll(ids);
        }
        return new StageLists(process, counts, ordered);
      });
    });
  }
}
