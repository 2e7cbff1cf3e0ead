package io.hirebot.feature.profile;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.RowsShown;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.hire.Changes;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Note;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.Partial;
import io.hirebot.hire.Talent;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageNames;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profile card ({@code cards/profile.json}): a talent's applications with job, stage, history,
 * interviews (time, interviewers, result) and offer, their latest notes, and quick actions. Phone and
 * email appear only when the caller says the chat is private.
 */
final class ProfileCard {
  static final int APPLICATIONS_PER_PAGE = 4;
  static final int LATEST_NOTES = 3;
  static final int MAX_NOTE_LENGTH = 200;
  /** The latest interviews and stage visits of an application; older ones are counted, not listed. */
  static final int MAX_INTERVIEWS = 6;
  static final int MAX_VISITS = 10;
  /** The resume evaluations listed per application; the rest are counted. */
  static final int MAX_EVALUATIONS = 10;

  /**
   * What the viewer is offered: changes on the applications of these jobs, and the private details button.
   *
   * @param changeable the jobs whose applications the viewer may change (Advance / Reject / Note)
   * @param details whether "Full details (private)" is offered (false where the card shows them already)
   * @param back the value that shows the list the profile was opened from ("Back to the list"), or null
   */
  record Offers(Set<String> changeable, boolean contactReadable, ObjectNode back) {}

  private final Cards cards;
  private final Messages messages;
  private final DateTexts dates;
  private final Clock clock;
  private final FlowTexts flow;

  ProfileCard(Cards cards, Messages messages, DateTexts dates, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.dates = dates;
    this.clock = clock;
    this.flow = new FlowTexts(messages);
  }

  /** The same card with its dates and times in {@code zone}: the chat's it is shown in. */
  ProfileCard in(ZoneId zone) {
    return zone.equals(dates.zone()) ? this : new ProfileCard(cards, messages, new DateTexts(zone, clock), clock);
  }

  /**
   * @param history each application's entries into stages, Hire's joined with the moves made through the bot
   * @param stages finds the applications' stages by id
   */
  ObjectNode render(Talent talent, List<ApplicationDetail> page, int pageNumber, int total, Partial<List<Note>> notes,
      ProfileHistory history, StageNames stages, boolean showContact, Offers offers, Language lang) {
    // An application's lists (stage history, evaluations, interviews of whole panels) are as long as Hire makes them:
    // four of them on a page passed 30 KB, so each list gives way to fewer of its latest entries, halving, the rest
    // counted, and the card says so.
    return cards.fitRows("profile", lang, MAX_VISITS, (n, l) -> model(talent, page, pageNumber, total, notes, history,
        stages, showContact, offers, n, l)).card();
  }

  /** The model in {@code lang}, each application's lists showing at most {@code listed} of their latest entries. */
  private ObjectNode model(Talent talent, List<ApplicationDetail> page, int pageNumber, int total,
      Partial<List<Note>> notes, ProfileHistory history, StageNames stages, boolean showContact, Offers offers,
      int listed, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    String name = Names.of(talent.name().isBlank() ? talent.id() : talent.name());
    model.put("title", messages.get(lang, "profile.title", name));
    model.put("subtitle", messages.get(lang, "profile.subtitle", total));
    // In a private chat: the phone and email for whom they are for, else a line saying whom they are for.
    model.put("contact", !showContact ? "" : offers.contactReadable() ? contact(talent, lang)
        : Markdown.message(messages, lang, "profile.contact.withheld"));
    if (!showContact && offers.contactReadable()) {
      // Where contact data is withheld, anyone allowed can ask for it privately.
      model.set("details", cards.model().put("action", ProfileButtons.PRIVATE).put("talent_id", talent.id())
          .put("name", talent.name()).put("lang", lang.feishuLocale()));
    }
    model.put("empty", total == 0);
    model.put("emptyText", messages.get(lang, "profile.empty"));
    ArrayNode apps = model.putArray("applications");
    page.forEach(d -> apps.add(application(d, history, stages, pageNumber,
        offers.changeable().contains(d.application().jobId()),
        offers.back(), showContact, listed, lang)));
    if (listed < MAX_VISITS) {
      model.put(RowsShown.KEY, Markdown.message(messages, lang, "profile.fitted", listed));
    }
    model.put("notes", notes.hidden() ? hidden("hidden.notes", notes.missingScope(), lang) : notes(notes.value(), lang));
    ObjectNode value = ProfileButtons.view(cards.model(), talent, 0, lang);
    if (showContact) {
      // The other pages of a private chat's profile with contact data show it too (ContactRule checks the chat, and
      // the reader the clicker, before they do).
      value.put(ProfileButtons.CONTACT, true);
    }
    if (offers.back() != null) {
      // Paging through the applications keeps the way back.
      value.set(ProfileButtons.BACK, offers.back());
      model.set("back", offers.back());
    }
    Pager.put(model, pageNumber, Pager.pages(total, APPLICATIONS_PER_PAGE), total, value, messages, lang);
    return model;
  }

  private String contact(Talent talent, Language lang) {
    List<String> parts = new ArrayList<>();
    if (!talent.mobile().isBlank()) {
      String phone = PhoneNumbers.display(talent.mobileCode(), talent.mobile());
      parts.add(Markdown.message(messages, lang, "profile.mobile", phone));
    }
    if (!talent.email().isBlank()) {
      parts.add(Markdown.message(messages, lang, "profile.email", talent.email()));
    }
    return String.join(" · ", parts);
  }

  private ObjectNode application(ApplicationDetail d, ProfileHistory history, StageNames stages, int pageNumber,
      boolean mayChange, ObjectNode back, boolean showContact, int listed, Language lang) {
    Application a = d.application();
    ObjectNode item = cards.model();
    String status = messages.get(lang, a.active() ? "profile.active" : "profile.terminated");
    item.put("heading", Markdown.message(messages, lang, "profile.application", Names.of(d.jobTitle()),
        stageName(a, a.stage().id(), stages, lang), status, dates.date(a.appliedAt(), lang)));
    item.put("history", latest(history.of(a.id(), d.history()).stream().map(e -> entry(e, a, stages, lang)).toList(),
        Math.min(MAX_VISITS, listed), lang, " → "));
    String interviewsHiddenBy = d.withheldBy(ApplicationDetail.INTERVIEWS);
    item.put("interviews", !interviewsHiddenBy.isEmpty() ? hidden("hidden.interviews", interviewsHiddenBy, lang)
        : latest(d.interviews().stream().map(i -> interview(i, a, stages, lang)).toList(),
            Math.min(MAX_INTERVIEWS, listed), lang, "\n"));
    String offerHiddenBy = d.withheldBy(ApplicationDetail.OFFER);
    item.put("offer", !offerHiddenBy.isEmpty() ? hidden("hidden.offer", offerHiddenBy, lang)
        : flow.offer(a, d.offer(), clock.instant().atZone(dates.zone()), lang));
    item.put("steps", steps(d, Math.min(MAX_EVALUATIONS, listed), lang));
    boolean actions = a.active() && mayChange;
    item.put("actions", actions);
    if (actions) {
      changes(item, a, Names.of(d.jobTitle()), Changes.of(stages.process(a.jobId()).orElse(null), a), pageNumber, back,
          showContact, lang);
    }
    return item;
  }

  /**
   * Advance and Reject where Hire takes them ({@link Changes}: a hire's profile has neither), with a line saying where
   * a pending onboarding's join is done, and Add note always. Actions taken here answer with this profile, at this
   * page, leading back where it leads, with the contact data it shows (where ContactRule allows).
   */
  private void changes(ObjectNode item, Application a, String jobTitle, Changes allowed, int pageNumber,
      ObjectNode back, boolean showContact, Language lang) {
    List<String> offered = new ArrayList<>();
    allowed.advance().ifPresent(s -> offered.add(SharedActions.ADVANCE));
    if (allowed.reject()) {
      offered.add(SharedActions.REJECT);
      item.put("rejectConfirm", messages.get(lang, "confirm.reject.text", Names.of(a.talentName()), jobTitle));
    }
    offered.add(SharedActions.NOTE);
    for (String action : offered) {
      item.set(action, QuickActions.onProfile(QuickActions.value(cards.model(), action, a, lang), pageNumber, back,
          showContact));
    }
    if (allowed.joinsInHire()) {
      item.put("joinsInHire", messages.get(lang, "candidates.row.joinsInHire"));
    }
  }

  /** The resume evaluations and the written test, one line each (or why they are hidden). */
  private String steps(ApplicationDetail d, int evaluations, Language lang) {
    String evaluationsHiddenBy = d.withheldBy(ApplicationDetail.EVALUATIONS);
    String testsHiddenBy = d.withheldBy(ApplicationDetail.TESTS);
    List<String> lines = new ArrayList<>();
    lines.add(!evaluationsHiddenBy.isEmpty() ? hidden("hidden.evaluations", evaluationsHiddenBy, lang)
        : flow.evaluations(d.application().progress().evaluations(), evaluations, lang));
    lines.add(!testsHiddenBy.isEmpty() ? hidden("hidden.tests", testsHiddenBy, lang)
        : flow.writtenTest(d.application().progress().test(), lang));
    return String.join("\n", lines.stream().filter(l -> !l.isEmpty()).toList());
  }

  /** "Offer hidden: missing permission `hire:offer:readonly`". */
  private String hidden(String partKey, String scope, Language lang) {
    return messages.get(lang, "hidden.scope", messages.get(lang, partKey), scope);
  }

  /** The last {@code max} lines joined, preceded by "… N earlier" when some were left out. */
  private String latest(List<String> lines, int max, Language lang, String separator) {
    if (lines.size() <= max) {
      return String.join(separator, lines);
    }
    List<String> kept = new ArrayList<>();
    kept.add(messages.get(lang, "profile.earlier", lines.size() - max));
    kept.addAll(lines.subList(lines.size() - max, lines.size()));
    return String.join(separator, kept);
  }

  /**
   * "Written Test Dec 3", with who moved the application there through the bot, and whether by Undo; "Rejected Dec 3
   * by @Li Na · reason" and "Restored Dec 3 by @Li Na" for a rejection made through the bot and its Undo.
   */
  private String entry(ProfileHistory.Entry e, Application a, StageNames stages, Language lang) {
    String stage = stageName(a, e.stageId(), stages, lang);
    String date = dates.date(e.entered(), lang);
    if (e.kind() == OwnChange.Kind.REJECT) {
      return Markdown.message(messages, lang, "profile.history.rejected", date, Markdown.person(e.by()),
          e.reason() == null ? "" : Names.of(e.reason().name(lang.feishuLocale())));
    }
    if (e.kind() == OwnChange.Kind.RESTORE) {
      return Markdown.message(messages, lang, "profile.history.restored", date, Markdown.person(e.by()));
    }
    if (e.by() == null) {
      return Markdown.message(messages, lang, "profile.history.entry", stage, date);
    }
    return Markdown.message(messages, lang, e.undo() ? "profile.history.movedBack" : "profile.history.moved", stage,
        date, Markdown.person(e.by()));
  }

  /**
   * A stage of the application by id: as its job's process names it; one the process does not have as Hire named it
   * (Hire names the current stage only), else "Other stage" ({@link io.hirebot.hire.JobProcess#named}). Never its id.
   */
  private String stageName(Application a, String stageId, StageNames stages, Language lang) {
    Stage own = stageId.equals(a.stage().id()) ? a.stage() : new Stage(stageId, "", "", StageType.OTHER);
    return StageWords.name(messages, lang, stages.named(a.jobId(), own));
  }

  private String interview(Interview i, Application a, StageNames stages, Language lang) {
    boolean over = i.end() != null && !i.end().isAfter(clock.instant());
    String who = HireTexts.interviewers(messages, lang,
        i.feedback().stream().map(f -> flow.interviewer(f, over, lang)).toList());
    String result = i.lacksFeedback(clock.instant()) ? messages.get(lang, "interview.feedbackMissing")
        : messages.get(lang, HireTexts.interviewResultKey(i, clock.instant()));
    String when = i.begin() == null ? messages.get(lang, "interview.timeUnset") : dates.dateTime(i.begin(), lang);
    return Markdown.message(messages, lang, "profile.interview", when,
        stages.stage(a.jobId(), i.stageId()).map(s -> StageWords.name(messages, lang, s)).orElse(""),
        new Markdown.Own(who), result);
  }

  private String notes(List<Note> notes, Language lang) {
    return notes.stream().filter(n -> !n.isPrivate())
        .sorted(Comparator.comparing(Note::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(LATEST_NOTES)
        .map(n -> n.creatorId().isBlank()
            ? Markdown.message(messages, lang, "profile.note", dates.date(n.createdAt(), lang), shorten(n.content()))
            : Markdown.message(messages, lang, "profile.note.by", dates.date(n.createdAt(), lang), shorten(n.content()),
                Markdown.person(n.creatorId())))
        .collect(Collectors.joining("\n"));
  }

  private static String shorten(String text) {
    return Names.cut(text.replaceAll("\\s+", " ").strip(), MAX_NOTE_LENGTH);
  }
}
