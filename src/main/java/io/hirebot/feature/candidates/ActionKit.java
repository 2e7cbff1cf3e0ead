package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.MovesFromChats;
import io.hirebot.bot.ProfileView;
import io.hirebot.i18n.DateTexts;
import java.util.function.BiFunction;
import java.time.Instant;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.JobPipeline;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.OwnChanges;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.error.NotFoundException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the candidate actions share: Hire, the refreshed list card, the stale check, notices and undo values. */
final class ActionKit {
  /** How long a change can be undone from the card (issue: 10 minutes). */
  static final Duration UNDO_WINDOW = Duration.ofMinutes(10);
  /**
   * Where an Undo's value keeps its expiry. Not {@code until}: the list the Undo answers with writes its filter into
   * the same value, and a date-bounded list ("applied last week") keeps its end there.
   */
  static final String UNDO_UNTIL = "undo_until";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final Logger log = LoggerFactory.getLogger(ActionKit.class);

  final HireDirectory hire;
  final ProfileView profiles;
  final FormPlaces places;
  final PipelineReader pipeline;
  final CandidatesView view;
  final ActionGuard guard;
  final ActionForms forms;
  final ErrorReplies notices;
  final Cards cards;
  final Messages messages;
  final Clock clock;
  private final MovesFromChats moves;
  private final OwnChanges changes;

  ActionKit(HireDirectory hire, MovesFromChats moves, OwnChanges changes, ProfileView profiles, FormPlaces places,
      PipelineReader pipeline, CandidatesView view, ActionGuard guard, ActionForms forms, ErrorReplies notices,
      Cards cards, Messages messages, Clock clock) {
    this.hire = hire;
    this.moves = moves;
    this.changes = changes;
    this.profiles = profiles;
    this.places = places;
    this.pipeline = pipeline;
    this.view = view;
    this.guard = guard;
    this.forms = forms;
    this.notices = notices;
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Moves the application in Hire for this click from where it is {@code now}, noted first ({@link OwnChanges}) with
   * who made it, which Hire's own history does not say, and the chats whose cards answer it ({@link #answeringChats}),
   * so that Hire's event for the move is not notified back to them; kept as made before the answer (a profile
   * answering the click shows it).
   *
   * @param undo whether the move undoes the one before (Undo)
   */
  Future<Void> transfer(CardAction action, ActionTarget t, Application now, String toStageId, boolean undo) {
    OwnChange move = OwnChange.move(t.applicationId(), clock.instant(), action.operatorId(), now.stage().id(),
        now.stageEnteredAt(), toStageId, undo);
    return changes.move(move, answeringChats(action, t), () -> hire.transferStage(t.applicationId(), toStageId));
  }

  /**
   * After a rejection Hire accepted ({@code rejected} as it left the application), which fires no Hire event: kept
   * with who made it and why ({@link OwnChanges}; Hire's history keeps neither), completing once kept, before the
   * answer (a profile answering the click shows it); then the other cards showing the application are refreshed and
   * the chats following the job notified, but for those whose cards answer the click, as a move's event would. Nothing
   * waits for these two: the click is answered meanwhile.
   */
  Future<Void> rejected(CardAction action, ActionTarget t, Application rejected, TerminationReason reason) {
    return changes.record(OwnChange.rejection(rejected, clock.instant(), action.operatorId(), reason)).onComplete(k -> {
      guard.changedWithoutEvent(action, t);
      moves.rejected(rejected, reason, action.operatorId(), answeringChats(action, t)).onFailure(e ->
          log.warn("rejection not notified application_id={} cause={}", t.applicationId(), e.toString()));
    });
  }

  /** After the Undo of a rejection Hire accepted ({@code restored} back in the pipeline): as {@link #rejected}. */
  Future<Void> restored(CardAction action, ActionTarget t, Application restored) {
    return changes.record(OwnChange.restore(restored, clock.instant(), action.operatorId())).onComplete(k -> {
      guard.changedWithoutEvent(action, t);
      moves.restored(restored, action.operatorId(), answeringChats(action, t)).onFailure(e ->
          log.warn("restore not notified application_id={} cause={}", t.applicationId(), e.toString()));
    });
  }

  /**
   * The chats whose cards answer a change clicked there, which its notification skips: the clicked card's, and the
   * group's card a form opened apart from it lands on.
   */
  private static Set<String> answeringChats(CardAction action, ActionTarget t) {
    Set<String> chats = new LinkedHashSet<>();
    if (action.chatId() != null) {
      chats.add(action.chatId());
    }
    if (t.clicked().chatId() != null) {
      chats.add(t.clicked().chatId());
    }
    return chats;
  }

  /** The card was sent when the application was elsewhere (moved or terminated since): do not act on it. */
  static boolean stale(Application now, ActionTarget shown) {
    return !now.active() || !now.stage().id().equals(shown.stageId());
  }

  /**
   * Whether a rejection or move must not go ahead from this card: it is out of date ({@link #stale}), or the person is
   * a hire, whom Hire neither rejects nor moves (1002205) though an older card still offered it.
   */
  static boolean unchangeable(Application now, ActionTarget shown) {
    return stale(now, shown) || now.joined();
  }

  /** The answer to a click {@link #unchangeable} stops: the view refreshed, saying why; nothing is written. */
  Future<ActionResult> unchangedResult(ActionTarget t, Application now, Language lang) {
    if (stale(now, t)) {
      return staleResult(t, now, lang);
    }
    return changed(t, lang, Toast.warning(messages, "toast.joined", Names.of(now.talentName())),
        Notice.of(l -> Markdown.message(messages, l, "notice.joined", Names.of(now.talentName()))), listsBefore(t),
        now);
  }

  /**
   * Refreshes the list with a notice saying the candidate moved, or left the pipeline, since the card was sent; the
   * list shows the application as Hire has it now, not where the cached lists last had it (a rejection made in Hire
   * itself sends the bot no event).
   */
  Future<ActionResult> staleResult(ActionTarget t, Application now, Language lang) {
    Notice notice = Notice.of(l -> now.active()
        ? Markdown.message(messages, l, "notice.stale", Names.of(now.talentName()),
            StageWords.name(messages, l, now.stage()))
        : Markdown.message(messages, l, "notice.staleEnded", Names.of(now.talentName())));
    return changed(t, lang, Toast.warning(messages, "toast.stale"), notice,
        listsBefore(t), now);
  }

  /**
   * The view the button sat on, refreshed, answered with a toast: the list (same filter, same page) with the
   * notice on top, or the profile (the toast says what happened there), with the phone and email it showed where the
   * profile feature's rule lets it show them again.
   */
  Future<ActionResult> result(ActionTarget t, Language lang, Toast toast, Notice notice) {
    Future<Optional<Reply.Card>> shown = t.fromProfile()
        ? profiles.render(t.talentId(), t.page(), t.clicked(), t.contact(), t.back(), lang).map(Optional::of)
        : view.render(t.list(), t.page(), lang, notice, t.clicked());
    return answer(toast, shown);
  }

  /**
   * The list's stage lists before the change the click makes (cached from the card, as a rule): taken before the
   * write, so the answer after it reads no list again, whatever the change's Hire event has forgotten by then.
   * Empty for a profile, which shows more than the lists and is read again.
   */
  Future<Optional<JobPipeline>> listsBefore(ActionTarget t) {
    return t.fromProfile() ? Future.succeededFuture(Optional.empty())
        : view.lists(t.jobId()).otherwise(Optional.empty());
  }

  /**
   * As {@link #result}, after a change Hire accepted: the list from the lists read {@code before} it, with
   * {@code changed} as the change left it; read again only when those lists are missing (a profile, a failed read).
   */
  Future<ActionResult> changed(ActionTarget t, Language lang, Toast toast, Notice notice,
      Future<Optional<JobPipeline>> before, Application changed) {
    return before.compose(lists -> lists.isEmpty() ? result(t, lang, toast, notice)
        : answer(toast, view.render(lists.get(), changed, t.list(), t.page(), lang, notice, t.clicked())
            .map(Optional::of)));
  }

  private static Future<ActionResult> answer(Toast toast, Future<Optional<Reply.Card>> shown) {
    return shown.map(card -> new ActionResult(toast, card.map(Reply.Card::card).orElse(null),
        card.map(Reply.Card::view).orElse(null)));
  }

  Future<JobProcess> process(String jobId) {
    return view.job(jobId).compose(job -> job.isPresent() ? pipeline.process(job.get())
        : Future.failedFuture(new NotFoundException(NotFoundException.Kind.JOB, jobId, "card action on a job not in hire.job.list")));
  }

  /** "by @someone · 10:32": who did it and when, in the zone of the chat it was done in. */
  Markdown.Own byWhom(CardAction action) {
    return byWhom(action, TIME.format(clock.instant().atZone(action.zone())));
  }

  private static Markdown.Own byWhom(CardAction action, String when) {
    String who = action.operator() == null ? "" : action.operator().openId();
    return new Markdown.Own(Markdown.person(who) + " · " + when);
  }

  /**
   * The notice of a change {@code action} just made, offering {@code undo}: {@code text} says it in a language with
   * {@link #byWhom}. The card keeps it while the Undo is open; re-rendered after midnight, it says the day of the
   * change too ("· Mon Nov 30 23:58", in each language's form), as a time alone would read as today's. That dated
   * text is read only from the next midnight on, within the Undo's minutes, so it is written as that day reads it:
   * with the year when the change was on 31 Dec ("· Thu Dec 31, 2026 23:56").
   */
  Notice undoable(CardAction action, BiFunction<Language, Markdown.Own, String> text, ObjectNode undo) {
    Instant now = clock.instant();
    Markdown.Own by = byWhom(action);
    java.time.ZonedDateTime shownFrom = now.atZone(action.zone()).toLocalDate().plusDays(1)
        .atStartOfDay(action.zone());
    return Notice.undoable(l -> text.apply(l, by),
        l -> text.apply(l, byWhom(action, DateTexts.dateTime(now, shownFrom, l))),
        undo, now);
  }

  /** The Undo button sits on the card the outcome shows, whichever form led there. */
  ObjectNode undoValue(ActionTarget after, String kind, String backTo, Language lang) {
    ObjectNode v = after.placed("", "").value(cards.model(), RowActions.UNDO, lang.feishuLocale());
    return v.put("kind", kind).put("back_to", backTo)
        .put(UNDO_UNTIL, clock.millis() + UNDO_WINDOW.toMillis());
  }

  /** When the Undo of {@code value} expires; an Undo written before its key moved kept it under {@code until}. */
  static long undoExpiry(JsonNode value) {
    return value.has(UNDO_UNTIL) ? value.path(UNDO_UNTIL).asLong(0) : value.path(CandidatesQuery.UNTIL).asLong(0);
  }

  /**
   * Whether the click is the Confirm of a change typed in words: its card is a confirmation of its own, whose value
   * carries an expiry ({@link io.hirebot.cards.SharedActions#EXPIRES}), where a row's button or a form's never does.
   */
  static boolean typedConfirmation(CardAction action) {
    return action.value() != null && action.value().has(io.hirebot.cards.SharedActions.EXPIRES);
  }

  /**
   * A field of the submitted form; without one, the field a confirmation card carries in its value (a change typed
   * in words was already filled in: its Confirm is this same submit without a form).
   */
  static String formText(CardAction action, String field) {
    Object v = action.formValue() == null ? null : action.formValue().get(field);
    if (v == null && action.value() != null) {
      v = action.value().path(io.hirebot.cards.SharedActions.FIELDS).path(field).asText(null);
    }
    return v == null ? "" : v.toString().strip();
  }
}
