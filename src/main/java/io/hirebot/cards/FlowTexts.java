package io.hirebot.cards;

import io.hirebot.hire.Application;
import io.hirebot.hire.Evaluation;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Progress;
import io.hirebot.hire.WrittenTest;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Issue 16's words for each step of Hire's flow, as card markdown (Hire and user text escaped): a candidate row's
 * compact marker ("evaluation 1/2 in", "test 82", "feedback missing", "offer accepted", "starts Dec 21": the start in
 * {@link StartWords}' words, which every card uses), the
 * profile's evaluation, written-test and onboarding lines, and what an offer's status means for the team
 * ("accepted — starts Dec 21"). Pure; one place so the profile, the rows, the onboarding list and the offer
 * notifications say the same thing the same way.
 */
public final class FlowTexts {
  /** Hire's offer_status of an accepted offer (reference §9). */
  public static final int ACCEPTED = 7;
  private static final int TEST_STATUSES = 7;
  private static final int CONCLUSIONS = 6;
  /** Hire's interview conclusion 4, 未提交: no feedback submitted. */
  private static final int CONCLUSION_NOT_SUBMITTED = 4;

  private final Messages messages;
  private final StartWords start;

  public FlowTexts(Messages messages) {
    this.messages = messages;
    this.start = new StartWords(messages);
  }

  /**
   * The row's marker for the step the application is at, as of {@code now} in the reader's zone; "" when there is
   * nothing to say (or it was not read).
   */
  public String marker(Application a, ZonedDateTime now, Language lang) {
    Progress p = a.progress();
    if (!p.known() && p.test() == null) {
      return "";
    }
    return switch (a.stage().type()) {
      case EVALUATION -> p.evaluations().isEmpty() ? ""
          : messages.get(lang, "flow.marker.evaluation", p.evaluationsIn(), p.evaluations().size());
      case WRITTEN_TEST -> p.test() == null ? "" : testMarker(p.test(), lang);
      case INTERVIEW -> p.interviews().stream().anyMatch(i -> i.lacksFeedback(now.toInstant()))
          ? messages.get(lang, "flow.marker.feedbackMissing") : "";
      case OFFER -> p.offer() == null ? "" : Markdown.message(messages, lang, "flow.marker.offer", offerStatus(p.offer(), lang));
      case PENDING_ONBOARDING, ONBOARDED -> start.of(a, p.offer(), now, lang);
      default -> "";
    };
  }

  private String testMarker(WrittenTest t, Language lang) {
    return t.score().isBlank() ? Markdown.message(messages, lang, "flow.marker.test.status", testStatus(t, lang))
        : Markdown.message(messages, lang, "flow.marker.test.score", t.score());
  }

  /**
   * "Evaluations: @Zhang ✅ pass — “Good match” · @Li ⏳ pending"; "" when none. The first {@code max} are listed and
   * the rest counted ("… 3 more"): Hire has no bound on how many evaluators an application has.
   */
  public String evaluations(List<Evaluation> evaluations, int max, Language lang) {
    if (evaluations.isEmpty()) {
      return "";
    }
    java.util.stream.Stream<String> listed = evaluations.stream().limit(max).map(e -> {
      String verdict = messages.get(lang, !e.submitted() ? "flow.evaluation.pending"
          : e.conclusion() == Evaluation.PASS || e.conclusion() == Evaluation.FAIL
              ? "flow.evaluation." + e.conclusion() : "flow.evaluation.submitted");
      return e.comment().isBlank()
          ? Markdown.message(messages, lang, "flow.evaluation", Markdown.person(e.evaluatorId()), verdict)
          : Markdown.message(messages, lang, "flow.evaluation.comment", Markdown.person(e.evaluatorId()), verdict,
              oneLine(e.comment()));
    });
    String more = evaluations.size() > max ? messages.get(lang, "flow.evaluations.more", evaluations.size() - max) : "";
    String each = java.util.stream.Stream.concat(listed, java.util.stream.Stream.of(more).filter(m -> !m.isEmpty()))
        .collect(Collectors.joining(" · "));
    return messages.get(lang, "flow.evaluations", each);
  }

  /** "Written test: General aptitude · passed · score **82**"; "" when none. */
  public String writtenTest(WrittenTest t, Language lang) {
    if (t == null) {
      return "";
    }
    String paper = t.paperName().isBlank() ? messages.get(lang, "flow.test.nopaper") : Names.of(t.paperName());
    return t.score().isBlank()
        ? Markdown.message(messages, lang, "flow.test", paper, testStatus(t, lang))
        : Markdown.message(messages, lang, "flow.test.score", paper, testStatus(t, lang), t.score());
  }

  /** "Liu Yang: pass" for one interviewer of a profile's interview line. */
  public String interviewer(Interview.Feedback f, boolean over, Language lang) {
    String name = Names.of(f.interviewer().name(lang.feishuLocale()));
    String who = name.isBlank() ? f.interviewer().id() : name;
    // Hire says "not submitted" of an interview that has not happened yet too: that is owed only once it is over.
    boolean owedYet = f.conclusion() != CONCLUSION_NOT_SUBMITTED || over;
    String key = f.conclusion() >= 1 && f.conclusion() <= CONCLUSIONS && owedYet ? "flow.conclusion." + f.conclusion()
        : f.submitted() ? "flow.conclusion.submitted" : over ? "flow.conclusion.missing" : "";
    return key.isEmpty() ? Markdown.escape(who) : Markdown.message(messages, lang, "flow.interviewer", who,
        messages.get(lang, key));
  }

  /**
   * "Offer: **accepted** · starts Dec 21", with the start as {@link StartWords} says it (joined, passed without a join,
   * or none for an offer that ended); "" without an offer.
   */
  public String offer(Application a, Offer offer, ZonedDateTime now, Language lang) {
    if (offer == null) {
      return "";
    }
    String line = Markdown.message(messages, lang, "profile.offer", offerStatus(offer, lang));
    String when = start.of(a, offer, now, lang);
    return when.isEmpty() ? line : messages.get(lang, "flow.row", line, when);
  }

  /**
   * What an offer's new status means for the team, as card markdown: "accepted — starts Dec 21" (the start in
   * {@link StartWords}' words as of {@code now}: "accepted — was to start Nov 30 · ⚠️ not joined yet" once the day has
   * passed, the join day once Hire says they joined), "sent — waiting for the candidate to answer".
   */
  public String offerMeaning(int status, Application a, Offer offer, ZonedDateTime now, Language lang) {
    String state = messages.get(lang, "offer.status." + (status >= 1 && status <= 13 ? status : "unknown"));
    if (status == ACCEPTED) {
      Progress p = a.progress();
      boolean dated = StartWords.planned(offer).isPresent() || p.onboarded() || p.onboardedAt() != null;
      String when = dated ? start.of(a, offer, now, lang) : "";
      return !when.isEmpty() ? Markdown.message(messages, lang, "flow.meaning", state, new Markdown.Own(when))
          : a.active() ? Markdown.message(messages, lang, "flow.meaning.nostart", state) : Markdown.escape(state);
    }
    String key = "flow.meaning." + status;
    return messages.has(lang, key) ? Markdown.message(messages, lang, "flow.meaning", state, messages.get(lang, key))
        : Markdown.escape(state);
  }

  private String offerStatus(Offer offer, Language lang) {
    return messages.get(lang, io.hirebot.i18n.HireTexts.offerStatusKey(offer.status()));
  }

  private String testStatus(WrittenTest t, Language lang) {
    return messages.get(lang, t.status() >= 1 && t.status() <= TEST_STATUSES ? "flow.test.status." + t.status()
        : "flow.test.status.other");
  }

  private static String oneLine(String text) {
    return Names.cut(text.replaceAll("\\s+", " ").strip(), 120);
  }
}
