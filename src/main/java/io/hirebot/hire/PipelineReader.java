package io.hirebot.hire;

import io.hirebot.error.NotFoundException;
import io.vertx.core.Future;
import java.util.List;

/**
 * Reads a job's active pipeline with as few Hire round trips as the API allows: one id list per stage
 * (all in parallel, which also gives the counts and the process order for free), then application
 * details only for the page being shown, again in parallel. A date filter needs every kept application's
 * date, so it reads details for up to {@link #MAX_DATE_FILTERED} of them.
 */
public final class PipelineReader {
  /** Bounds the detail calls of a date-filtered list (10/s): the newest of a larger job are not looked at. */
  public static final int MAX_DATE_FILTERED = 100;

  private final HireDirectory hire;

  public PipelineReader(HireDirectory hire) {
    this.hire = hire;
  }

  /**
   * Starts loading what every read needs whatever the job (the processes), so that a caller can overlap it
   * with finding the job: one upstream round trip fewer on a cold cache. Failures surface in {@link #read}.
   */
  public void prefetch() {
    hire.processes();
  }

  /** The job's hiring process with its ordered stages. */
  public Future<JobProcess> process(Job job) {
    return hire.processes().compose(processes -> processes.stream()
        .filter(p -> p.id().equals(job.processId())).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException(NotFoundException.Kind.PROCESS,
            job.title(), "process " + job.processId() + " of job " + job.id() + " not in job_processes"))));
  }

  public Future<PipelinePage> read(Job job, int page, int pageSize) {
    return read(job, PipelineFilter.NONE, page, pageSize);
  }

  /** One page of the job's active candidates that pass the filter, with the whole job's stage counts. */
  public Future<PipelinePage> read(Job job, PipelineFilter filter, int page, int pageSize) {
    return stages(job).compose(pipeline -> kept(pipeline, filter).compose(ids -> {
      int pages = Math.max(1, (ids.size() + pageSize - 1) / pageSize);
      int p = Math.max(0, Math.min(page, pages - 1));
      List<String> slice = ids.subList(Math.min(ids.size(), p * pageSize), Math.min(ids.size(), (p + 1) * pageSize));
      return details(slice).map(apps -> new PipelinePage(job, pipeline.process(), pipeline.counts(), apps, p,
          pageSize, ids.size()));
    }));
  }

  /** Ids of the job's active applications in process order (one list call per stage, in parallel). */
  public Future<List<String>> activeIds(Job job) {
    return stages(job).map(p -> p.ids(PipelineFilter.NONE));
  }

  /** The job's process and its active application ids per stage, one list call per stage, in parallel. */
  public Future<JobPipeline> stages(Job job) {
    return process(job).compose(process -> {
      List<Future<List<String>>> perStage = process.stages().stream()
          .map(s -> hire.activeApplicationIds(job.id(), s.id()))
          .toList();
      return Future.all(perStage).map(all -> new JobPipeline(job, process,
          perStage.stream().map(Future::result).toList()));
    });
  }

  /** Applications by id, read in parallel, in the order given. */
  public Future<List<Application>> details(List<String> ids) {
    List<Future<Application>> details = ids.stream().map(hire::application).toList();
    return Future.all(details).map(done -> details.stream().map(Future::result).toList());
  }

  private Future<List<String>> kept(JobPipeline pipeline, PipelineFilter filter) {
    List<String> ids = pipeline.ids(filter);
    if (filter.appliedSince() == null) {
      return Future.succeededFuture(ids);
    }
    return details(ids.subList(0, Math.min(ids.size(), MAX_DATE_FILTERED))).map(apps -> apps.stream()
        .filter(a -> a.appliedAt() != null && !a.appliedAt().isBefore(filter.appliedSince()))
        .map(Application::id)
        .toList());
  }
}
