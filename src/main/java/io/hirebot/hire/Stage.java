package io.hirebot.hire;

/**
 * One step of a hiring process, with its names in both languages.
 *
 * @param ordinal its number among its process's stages of its type that Hire gave no name, in process order, when the
 *     process has more than one ({@link JobProcess} numbers them): a card then says "Interview 1", "Interview 2" where
 *     both read "Interview". 0 for a named stage or the only nameless one of its type. Not part of what the stage is:
 *     {@link #equals} ignores it, so a stage read from an application equals its numbered twin in the process.
 */
public record Stage(String id, String zhName, String enName, StageType type, int ordinal) {

  /** A stage as Hire describes it, not (yet) numbered among its process's nameless stages. */
  public Stage(String id, String zhName, String enName, StageType type) {
    this(id, zhName, enName, type, 0);
  }

  /** The same stage with its number among its process's nameless stages of its type (0: none). */
  public Stage numbered(int number) {
    return number == ordinal ? this : new Stage(id, zhName, enName, type, number);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stage s && java.util.Objects.equals(id, s.id) && java.util.Objects.equals(zhName, s.zhName)
        && java.util.Objects.equals(enName, s.enName) && type == s.type;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, zhName, enName, type);
  }

  /**
   * Stands for a stage that is not one of the job's process stages (Hire can send one: the stage was deleted from the
   * process, or the job's process changed) and that has no name of its own: cards say "Other stage" for it, never its
   * id. The lists by stage cannot tell such applications apart: those whose detail was not read (past
   * {@link PipelineReader#MAX_OUTSIDE_DETAILS} of a job) or names no stage are counted in one bucket of this stage
   * ({@link JobPipeline}).
   */
  public static final Stage OUTSIDE = new Stage("", "", "", StageType.OTHER);

  /**
   * Whether an application in this stage is a hire: onboarded, no longer an active candidate of the pipeline, though
   * Hire still lists it as active ({@code active_status} 1). The one place that says who counts as active: every card
   * counts active candidates through {@link PipelinePage#hired} (which {@link JobPipeline#inProcess} uses). Pending
   * onboarding (offer accepted, not started) is still in process: the person can still drop out.
   */
  public boolean hired() {
    return type == StageType.ONBOARDED;
  }

  /**
   * Whether the stage is a step of the hiring flow. A stage of type "other" (a pool such as Talent reserve, where Hire
   * parks people whatever step they reached) or "system" is not: listed among the steps, its people counted as past
   * every step before it and the pool came after the last one.
   */
  public boolean inFunnel() {
    return type != StageType.OTHER && type != StageType.SYSTEM;
  }

  /** Whether Hire gave the stage a name in either language (a card says its type's word for one it did not). */
  public boolean hasName() {
    return (zhName != null && !zhName.isBlank()) || (enName != null && !enName.isBlank());
  }

  /**
   * The name in the given locale ("zh_cn" or "en_us"), falling back to the other one; empty when Hire gave none (a card
   * says {@code i18n.StageWords#name} instead, never the id).
   */
  public String name(String feishuLocale) {
    boolean zh = "zh_cn".equals(feishuLocale);
    String preferred = zh ? zhName : enName;
    String other = zh ? enName : zhName;
    return preferred != null && !preferred.isBlank() ? preferred : (other == null ? "" : other);
  }
}
