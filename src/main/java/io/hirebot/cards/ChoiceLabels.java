package io.hirebot.cards;

import io.hirebot.hire.Application;
import io.hirebot.hire.TalentsByName;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;

/**
 * The labels of buttons that pick one person or one application of several: they name what the user picks (the
 * person, the job and where that application stands), so namesakes can be told apart without Hire's ids. Pure.
 */
public final class ChoiceLabels {
  private ChoiceLabels() {}

  /** "Carol Wu · Backend Engineer · Interview"; an application that ended: "… · ended at Interview". */
  public static String application(Messages messages, Language lang, TalentsByName.Applied applied) {
    return application(messages, lang, applied.application().talentName(), applied);
  }

  /** A person by their latest application ({@link #application}), or "Zed Twin · no applications". */
  public static String person(Messages messages, Language lang, TalentsByName.Person person) {
    return person.applications().isEmpty()
        ? messages.get(lang, "choice.person.none", Names.of(person.talent().name()))
        : application(messages, lang, person.talent().name(), person.applications().get(0));
  }

  private static String application(Messages messages, Language lang, String name, TalentsByName.Applied applied) {
    Application a = applied.application();
    String stage = a.stage() == null ? "" : StageWords.name(messages, lang, a.stage());
    return messages.get(lang, a.active() ? "choice.application" : "choice.application.ended", Names.of(name),
        Names.of(applied.jobTitle()), stage);
  }
}
