package io.hirebot.hire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's active application ids per stage, in process order: the counts of every card that shows a job's
 * pipeline (candidates, jobs, funnel), read once per stage.
 *
 * <p>An application can sit in a stage that is not one of the job's process stages (Hire can send a stage deleted from
 * the process, or one of the job's former process), which no list by stage returns. Decided: such applications are
 * counted where Hire says they are, as the digest (which reads every application's detail) counts them, so that every
 * card shows the same active count: a hire there (onboarded under the former process, {@link Stage#hired}) counts as a
 * hire, not as an active candidate; the others are grouped by the stage Hire names in their detail, after the
 * process's stages ("Technical Interview 1" on the candidates card, "Interview" on the jobs card, apart from the funnel's
 * steps on the pipeline card), rather than all in one "Other stage". Their details are read only for the first few
 * ({@link PipelineReader#MAX_OUTSIDE_DETAILS}), so a job with nobody outside its process costs nothing more; the rest,
 * and those in a stage Hire gave no name, stay under {@link Stage#OUTSIDE} ("Other stage").
 *
 * @param outside the job's active applications in no stage of its process, in Hire's order: counted and listed after
 *     the process's stages, so that every card's total is the job's active applications
 * @param outsideStages where Hire says some of {@code outside} are ({@link JobProcess#named}: the stage Hire named);
 *     those absent are counted under {@link Stage#OUTSIDE}
 */
public record JobPipeline(Job job, JobProcess process, List<List<String>> idsPerStage, List<String> outside,
    Map<String, Stage> outsideStages) {

  public JobPipeline {
    idsPerStage = idsPerStage.stream().map(List::copyOf).toList();
    outside = List.copyOf(outside);
    outsideStages = Map.copyOf(outsideStages);
  }

  /** Those outside the process all under {@link Stage#OUTSIDE}: where each is was not read. */
  public JobPipeline(Job job, JobProcess process, List<List<String>> idsPerStage, List<String> outside) {
    this(job, process, idsPerStage, outside, Map.of());
  }

  /** A job with no active application: every stage of its process empty. */
  public static JobPipeline empty(Job job, JobProcess process) {
    return new JobPipeline(job, process, process.stages().stream().map(s -> List.<String>of()).toList(), List.of());
  }

  /** How many active applications sit in each stage, in process order; then those outside it, if any. */
  public List<PipelinePage.StageCount> counts() {
    List<PipelinePage.StageCount> counts = new ArrayList<>();
    groups().forEach((stage, ids) -> counts.add(new PipelinePage.StageCount(stage, ids.size())));
    return counts;
  }

  /** How many of {@code ids} sit in each stage, in process order; then those outside it, if any. */
  public List<PipelinePage.StageCount> counts(List<String> ids) {
    java.util.Set<String> among = java.util.Set.copyOf(ids);
    List<PipelinePage.StageCount> counts = new ArrayList<>();
    groups().forEach((stage, listed) -> counts.add(new PipelinePage.StageCount(stage,
        (int) listed.stream().filter(among::contains).count())));
    return counts;
  }

  /** The ids of the stages the filter keeps, in process order; those outside it last, when it keeps every stage. */
  public List<String> ids(PipelineFilter filter) {
    List<String> ids = new ArrayList<>();
    groups().forEach((stage, listed) -> {
      if (filter.keepsStage(stage.id())) {
        ids.addAll(listed);
      }
    });
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
    return new JobPipeline(job, process, lists, outside.stream().filter(id -> !id.equals(applicationId)).toList(),
        outsideStages);
  }

  /** Every active application, hires included. */
  public int total() {
    return idsPerStage.stream().mapToInt(List::size).sum() + outside.size();
  }

  /** The active candidates: active applications not hired ({@link Stage#hired}). */
  public int inProcess() {
    return total() - PipelinePage.hired(counts());
  }

  /**
   * The ids by stage: the process's stages in order, then the stages outside it where Hire put someone, in the order
   * Hire lists them, then {@link Stage#OUTSIDE} for those whose stage is not known, if any.
   */
  private Map<Stage, List<String>> groups() {
    Map<Stage, List<String>> groups = new LinkedHashMap<>();
    for (int i = 0; i < idsPerStage.size(); i++) {
      groups.put(process.stages().get(i), new ArrayList<>(idsPerStage.get(i)));
    }
    List<String> unknown = new ArrayList<>();
    for (String id : outside) {
      Stage stage = outsideStages.get(id);
      if (stage == null || Stage.OUTSIDE.equals(stage)) {
        unknown.add(id);
      } else {
        groups.computeIfAbsent(stage, s -> new ArrayList<>()).add(id);
      }
    }
    if (!unknown.isEmpty()) {
      groups.put(Stage.OUTSIDE, unknown);
    }
    return groups;
  }
}
