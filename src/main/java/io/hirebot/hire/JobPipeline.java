package io.hirebot.hire;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's active application ids per stage, in process order: the counts of every card that shows a job's
 * pipeline (candidates, jobs, funnel), read once per stage.
 *
 * @param outside the job's active applications in no stage of its process (Hire can send a stage deleted from the
 *     process, or one of the job's former process): counted and listed after the process's stages, under
 *     {@link Stage#OUTSIDE}, so that every card's total is the job's active applications
 */
public record JobPipeline(Job job, JobProcess process, List<List<String>> idsPerStage, List<String> outside) {

  public JobPipeline {
    idsPerStage = idsPerStage.stream().map(List::copyOf).toList();
    outside = List.copyOf(outside);
  }

  /** A job with no active application: every stage of its process empty. */
  public static JobPipeline empty(Job job, JobProcess process) {
    return new JobPipeline(job, process, process.stages().stream().map(s -> List.<String>of()).toList(), List.of());
  }

  /** How many active applications sit in each stage, in process order; then those outside it, if any. */
  public List<PipelinePage.StageCount> counts() {
    List<Stage> stages = stages();
    List<List<String>> lists = lists();
    List<PipelinePage.StageCount> counts = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      counts.add(new PipelinePage.StageCount(stages.get(i), lists.get(i).size()));
    }
    return counts;
  }

  /** How many of {@code ids} sit in each stage, in process order; then those outside it, if any. */
  public List<PipelinePage.StageCount> counts(List<String> ids) {
    java.util.Set<String> among = java.util.Set.copyOf(ids);
    List<Stage> stages = stages();
    List<List<String>> lists = lists();
    List<PipelinePage.StageCount> counts = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      counts.add(new PipelinePage.StageCount(stages.get(i),
          (int) lists.get(i).stream().filter(among::contains).count()));
    }
    return counts;
  }

  /** The ids of the stages the filter keeps, in process order; those outside it last, when it keeps every stage. */
  public List<String> ids(PipelineFilter filter) {
    List<Stage> stages = stages();
    List<List<String>> lists = lists();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (filter.keepsStage(stages.get(i).id())) {
        ids.addAll(lists.get(i));
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
    return new JobPipeline(job, process, lists, outside.stream().filter(id -> !id.equals(applicationId)).toList());
  }

  /** Every active application, hires included. */
  public int total() {
    return lists().stream().mapToInt(List::size).sum();
  }

  /** The active candidates: active applications not hired ({@link Stage#hired}). */
  public int inProcess() {
    return total() - PipelinePage.hired(counts());
  }

  /** The process's stages, then {@link Stage#OUTSIDE} when some applications are outside them. */
  private List<Stage> stages() {
    if (outside.isEmpty()) {
      return process.stages();
    }
    List<Stage> stages = new ArrayList<>(process.stages());
    stages.add(Stage.OUTSIDE);
    return stages;
  }

  /** The id lists of {@link #stages()}, in the same order. */
  private List<List<String>> lists() {
    if (outside.isEmpty()) {
      return idsPerStage;
    }
    List<List<String>> lists = new ArrayList<>(idsPerStage);
    lists.add(outside);
    return lists;
  }
}
