package io.hirebot.hire;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's active application ids per stage, in process order: the counts of every card that shows a job's
 * pipeline (candidates, jobs, funnel), read once per stage.
 */
public record JobPipeline(Job job, JobProcess process, List<List<String>> idsPerStage) {

  public JobPipeline {
    idsPerStage = idsPerStage.stream().map(List::copyOf).toList();
  }

  /** How many active applications sit in each stage, in process order. */
  public List<PipelinePage.StageCount> counts() {
    List<PipelinePage.StageCount> counts = new ArrayList<>();
    for (int i = 0; i < idsPerStage.size(); i++) {
      counts.add(new PipelinePage.StageCount(process.stages().get(i), idsPerStage.get(i).size()));
    }
    return counts;
  }

  /** How many of {@code ids} sit in each stage, in process order. */
  public List<PipelinePage.StageCount> counts(List<String> ids) {
    java.util.Set<String> among = java.util.Set.copyOf(ids);
    List<PipelinePage.StageCount> counts = new ArrayList<>();
    for (int i = 0; i < idsPerStage.size(); i++) {
      counts.add(new PipelinePage.StageCount(process.stages().get(i),
          (int) idsPerStage.get(i).stream().filter(among::contains).count()));
    }
    return counts;
  }

  /** The ids of the stages the filter keeps, in process order. */
  public List<String> ids(PipelineFilter filter) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < idsPerStage.size(); i++) {
      if (filter.keepsStage(process.stages().get(i).id())) {
        ids.addAll(idsPerStage.get(i));
      }
    }
    return ids;
  }

  /**
   * The pipeline as a change Hire accepted left it: the application in {@code stageId}'s list (at its end: Hire's
   * own order shows at the next read), or in none when {@code stageId} is null (it left the active pipeline).
   */
  public JobPipeline after(String applicationId, String stageId) {
    List<List<String>> lists = new ArrayList<>();
    for (int i = 0; i < idsPerStage.size(); i++) {
      List<String> ids = new ArrayList<>(idsPerStage.get(i));
      ids.remove(applicationId);
      if (process.stages().get(i).id().equals(stageId)) {
        ids.add(applicationId);
      }
      lists.add(ids);
    }
    return new JobPipeline(job, process, lists);
  }

  /** Every active application, hires included. */
  public int total() {
    return idsPerStage.stream().mapToInt(List::size).sum();
  }

  /** The active candidates: active applications not hired ({@link Stage#hired}). */
  public int inProcess() {
    return total() - PipelinePage.hired(counts());
  }
}
