package io.hirebot.hire;

import java.util.List;

/** Names stages by job and stage id in one language, from the cached jobs and processes. */
public record StageNames(List<Job> jobs, List<JobProcess> processes, String locale) {

  /** The same names in another language ("zh_cn" or "en_us" as {@link io.hirebot.i18n.Language#feishuLocale}). */
  public StageNames in(String otherLocale) {
    return new StageNames(jobs, processes, otherLocale);
  }

  /** The stage's name, or {@code fallback} when the job or stage is unknown. */
  public String name(String jobId, String stageId, String fallback) {
    return process(jobId)
        .flatMap(p -> p.stage(stageId))
        .map(s -> s.name(locale))
        .orElse(fallback);
  }

  /** The stage as a card names it ({@link JobProcess#named}); as it is when the job or its process is unknown. */
  public Stage named(String jobId, Stage stage) {
    return process(jobId).map(p -> p.named(stage)).orElse(stage);
  }

  /** The hiring process of the job, when the job and its process are known. */
  public java.util.Optional<JobProcess> process(String jobId) {
    return jobs.stream().filter(j -> j.id().equals(jobId)).findFirst()
        .flatMap(j -> processes.stream().filter(p -> p.id().equals(j.processId())).findFirst());
  }
}
