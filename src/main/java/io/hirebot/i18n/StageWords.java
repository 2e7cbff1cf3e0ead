package io.hirebot.i18n;

import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a card calls a stage, and a job's counts by kind of stage: the one naming the jobs, pipeline and digest cards
 * share. Hire's stage types say what kind of step a stage is (reference §3), but "other" (8) and "system" (255) say
 * nothing: a pool such as 人才储备 / Talent Reserve is type 8, and "Other 1" told a team nothing about where that
 * person is. Such a stage goes by its own name from the job's process; a type's word stands in only for a stage Hire
 * gave no name. Pure.
 */
public final class StageWords {

  private StageWords() {}

  /**
   * The stage's name in the language (in the other one when Hire gave only that), "Other stage" (其他阶段) for
   * {@link Stage#OUTSIDE}, or the word of its type ("Other", 其他) when it has none at all, numbered when its process
   * has several such stages of its type ("Interview 2", 面试 2; {@link Stage#ordinal}) — never its id; a long name
   * cut as every card cuts names ({@link Names}).
   */
  public static String name(Messages messages, Language lang, Stage stage) {
    if (stage.hasName()) {
      return Names.of(stage.name(lang.feishuLocale()));
    }
    if (Stage.OUTSIDE.equals(stage)) {
      return messages.get(lang, "stage.outside");
    }
    // Two nameless rounds of one kind both read "Interview" otherwise: "Interview 1", "Interview 2".
    return stage.ordinal() > 0 ? messages.get(lang, "stage.numbered", typeWord(messages, lang, stage), stage.ordinal())
        : typeWord(messages, lang, stage);
  }

  /** A kind of stage as a card counts it: its word or name, the candidates in it, and how many stages it adds up. */
  public record KindCount(String kind, int count, int stages) {}

  /**
   * Counts per kind of stage, kinds in the order of Hire's stage types: a step of the flow under its type's word (both
   * interview rounds add up under "Interview"), a stage of type other or system under its own {@link #name}, as its
   * type's word would lump unrelated pools together. Kinds counting 0 are left out.
   */
  public static List<KindCount> countsByKind(Messages messages, Language lang, List<PipelinePage.StageCount> counts) {
    Map<String, int[]> byKind = new LinkedHashMap<>();
    counts.stream().sorted(Comparator.comparing(c -> c.stage().type())).filter(c -> c.count() > 0)
        .forEach(c -> {
          int[] kind = byKind.computeIfAbsent(kind(messages, lang, c.stage()), k -> new int[2]);
          kind[0] += c.count();
          kind[1]++;
        });
    return byKind.entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
  }

  private static String kind(Messages messages, Language lang, Stage stage) {
    return stage.inFunnel() ? typeWord(messages, lang, stage) : name(messages, lang, stage);
  }

  private static String typeWord(Messages messages, Language lang, Stage stage) {
    return messages.get(lang, "stagetype." + stage.type().name());
  }
}
