package io.hirebot.feature.onboarding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.SharedActions;
import io.hirebot.cards.StartWords;
import io.hirebot.command.Period;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The onboarding card ({@code cards/onboarding.json}): who starts in the week, per job, by start day, each marked joined
 * (on the day they really joined), or not joined yet once the start day has passed.
 */
final class OnboardingCard {
  /** A row is five card elements; this many keep the card well inside Feishu's 200, in both languages. */
  static final int MAX_ROWS = 15;

  private final Cards cards;
  private final Messages messages;
  private final StartWords start;

  OnboardingCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
    this.start = new StartWords(messages);
  }

  /**
   * @param now when the card is drawn, in the chat's zone: a planned start before its day reads as passed
   * @param read how many candidates were read, of {@code candidates} in offer and onboarding stages
   */
  ObjectNode render(Period period, LocalDate from, LocalDate to, ZonedDateTime now, List<Start> starts,
      int read, int candidates, Language lang) {
    return cards.bilingual(lang, l -> renderIn(period, from, to, now, starts, read, candidates, l));
  }

  private ObjectNode renderIn(Period period, LocalDate from, LocalDate to, ZonedDateTime now,
      List<Start> starts, int read, int candidates, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    String when = messages.get(lang, "onboarding.period." + period.name());
    model.put("title", messages.get(lang, "onboarding.title", when));
    model.put("subtitle", messages.get(lang, "onboarding.subtitle", DateTexts.day(from, now, lang),
        DateTexts.day(to.minusDays(1), now, lang), starts.size()));
    model.put("summary", messages.get(lang, "onboarding.summary", when, starts.size()));
    model.put("empty", starts.isEmpty());
    model.put("emptyText", messages.get(lang, "onboarding.empty", when));
    model.put("partial", read < candidates ? messages.get(lang, "onboarding.partial", read, candidates) : "");
    Map<String, List<Start>> byJob = new LinkedHashMap<>();
    model.put("more", starts.size() > MAX_ROWS ? messages.get(lang, "onboarding.more", starts.size() - MAX_ROWS) : "");
    starts.stream().sorted(Comparator.comparing(Start::day)
            .thenComparing(s -> s.application().talentName()))
        .limit(MAX_ROWS)
        .forEach(s -> byJob.computeIfAbsent(s.job().id(), k -> new java.util.ArrayList<>()).add(s));
    ArrayNode jobs = model.putArray("jobs");
    byJob.values().forEach(list -> {
      ObjectNode job = jobs.addObject();
      job.put("heading", Markdown.message(messages, lang, "onboarding.job", Names.of(list.get(0).job().title())));
      ArrayNode rows = job.putArray("rows");
      list.forEach(s -> {
        var a = s.application();
        String name = Names.of(a.talentName());
        rows.addObject().put("line", line(s, name, now, lang))
            .set("profile", QuickActions.value(cards.model(), SharedActions.PROFILE_OPEN, a, lang));
      });
    });
    return cards.render("onboarding", model);
  }

  /**
   * "Olga · ✅ joined Dec 1", "Frank · starts Dec 5", "陈明 · was to start Nov 30 · ⚠️ not joined yet": the start in the
   * words every card uses ({@link StartWords}).
   */
  private String line(Start s, String name, ZonedDateTime now, Language lang) {
    var a = s.application();
    return Markdown.message(messages, lang, "onboarding.row", name,
        new Markdown.Own(start.of(a, a.progress().offer(), now, lang)));
  }
}
