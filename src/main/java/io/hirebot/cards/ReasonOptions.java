package io.hirebot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.Language;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The options of a select of Hire's reasons to reject with (the Reject form, a typed reject's confirmation): at most
 * {@link #MAX_SHOWN}, so a tenant that kept hundreds of reasons still gets a card Feishu takes. Pure.
 */
public final class ReasonOptions {
  /**
   * Reasons a select offers. Feishu counts each option twice (the option and its text) against a card's 200 elements,
   * and 50 labels of {@link Labels#MAX_LABEL} characters (the renderer cuts longer ones) stay well inside 30 KB, with
   * room for the rest of the card.
   */
  public static final int MAX_SHOWN = 50;

  private ReasonOptions() {}

  /**
   * The reasons offered, in Hire's order: the first {@link #MAX_SHOWN}, and always the one with id {@code keep} (the
   * reason a typed remark named, preselected; "" for none), which then takes the last place's share.
   */
  public static List<TerminationReason> shown(List<TerminationReason> reasons, String keep) {
    if (reasons.size() <= MAX_SHOWN) {
      return reasons;
    }
    boolean keptLater = reasons.stream().skip(MAX_SHOWN).anyMatch(r -> r.id().equals(keep));
    int first = keptLater ? MAX_SHOWN - 1 : MAX_SHOWN;
    return IntStream.range(0, reasons.size()).filter(i -> i < first || keptLater && reasons.get(i).id().equals(keep))
        .mapToObj(reasons::get).toList();
  }

  /**
   * Adds {@link #shown} to {@code options} as a select's options: the reason's name in {@code lang} (the renderer cuts
   * it to Feishu's option length) and its id as the value, which is what a submit sends back.
   */
  public static void fill(ArrayNode options, List<TerminationReason> reasons, String keep, Language lang) {
    shown(reasons, keep).forEach(r -> options.addObject().put("label", r.name(lang.feishuLocale())).put("value", r.id()));
  }

  /**
   * "Showing 50 of Hire's 401 reasons …", saying how to give one of the others (name it in a typed rejection of
   * {@code name}); "" when every reason is offered.
   */
  public static String more(io.hirebot.i18n.Messages messages, Language lang, List<TerminationReason> reasons,
      String name) {
    return reasons.size() <= MAX_SHOWN ? ""
        : Markdown.message(messages, lang, "reasons.more", MAX_SHOWN, reasons.size(), name);
  }
}
