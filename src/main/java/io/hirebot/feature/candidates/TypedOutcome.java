package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.SharedActions;
import io.hirebot.hire.Application;
import io.hirebot.hire.Stage;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The short card that answers the Confirm of a change typed in words, and the Undo on it: what was done to whom (and
 * in which job), by whom, when, and the note as written; the Undo while it is open, the person's profile and the job's
 * list. A typed change is about one person, whom the job's whole list, at its first page, may not even show.
 */
final class TypedOutcome {
  /** Key of an Undo value that sits on such a card (its answer is one too), next to what the card said. */
  private static final String ON = "on";
  private static final String TYPED = "typed";
  private static final String BY = "by";
  private static final String AT = "at";
  private static final String REASON = "reason";
  private static final String NOTE = "note";

  private final ActionKit kit;

  TypedOutcome(ActionKit kit) {
    this.kit = kit;
  }

  /** Whether the click answers with a short card: a typed change's Confirm, or the Undo on the card it became. */
  static boolean answers(CardAction action) {
    return ActionKit.typedConfirmation(action) || TYPED.equals(action.value().path(ON).asText(""));
  }

  /**
   * The Undo of such a card: {@code undo} (a list's Undo value) marked as sitting on it, with what the card says (who,
   * when, why, the note) so that, once expired, the card is drawn again as it read, without it.
   */
  ObjectNode undo(ObjectNode undo, CardAction action, TerminationReason reason, String note) {
    undo.put(ON, TYPED).put(BY, action.operatorId() == null ? "" : action.operatorId())
        .put(AT, kit.clock.millis());
    if (reason != null) {
      undo.put(REASON, reason.id());
    }
    return note.isEmpty() ? undo : undo.put(NOTE, note);
  }

  /**
   * "✅ X (job) moved to Stage by @who · 10:32", who and when as {@code undo} says ({@link #undo}), with it while
   * {@code open}.
   */
  Future<ActionResult> moved(ActionTarget t, Application app, Stage to, ObjectNode undo, boolean open, Toast toast,
      Language lang) {
    return card(t, lang, toast, "typed.moved.title", "green", open ? undo : null,
        job -> Markdown.message(kit.messages, lang, "typed.moved", Names.of(app.talentName()), job,
            StageWords.name(kit.messages, lang, to), by(undo, t.clicked().zone(), lang)));
  }

  /** "❌ X (job) rejected by @who · 10:32 · reason", and the note under it; as {@link #moved}. */
  Future<ActionResult> rejected(ActionTarget t, Application app, TerminationReason reason, ObjectNode undo,
      boolean open, Toast toast, Language lang) {
    return card(t, lang, toast, "typed.rejected.title", "red", open ? undo : null,
        job -> quoted(Markdown.message(kit.messages, lang, "typed.rejected", Names.of(app.talentName()), job,
            by(undo, t.clicked().zone(), lang), Names.of(reason.name(lang.feishuLocale()))), undo.path(NOTE).asText(""), lang));
  }

  /** "📝 Note added to X (job) by @who · 10:32:" and the note; a note has no Undo. */
  Future<ActionResult> noted(CardAction action, ActionTarget t, String talentName, String note, Toast toast,
      Language lang) {
    return card(t, lang, toast, "typed.noted.title", "green", null, job -> quoted(Markdown.message(kit.messages, lang,
        "typed.noted", talentName, job, kit.byWhom(action)), note, lang));
  }

  /** The Undo on such a card, done: the move taken back. */
  Future<ActionResult> movedBack(CardAction action, ActionTarget t, Application app, Stage back, Toast toast,
      Language lang) {
    return card(t, lang, toast, "typed.undone.title", "blue", null, job -> Markdown.message(kit.messages, lang,
        "typed.movedBack", Names.of(app.talentName()), job, StageWords.name(kit.messages, lang, back),
        kit.byWhom(action)));
  }

  /** The Undo on such a card, done: the application back in the pipeline. */
  Future<ActionResult> restored(CardAction action, ActionTarget t, Application app, Toast toast, Language lang) {
    return card(t, lang, toast, "typed.undone.title", "blue", null, job -> Markdown.message(kit.messages, lang,
        "typed.restored", Names.of(app.talentName()), job, kit.byWhom(action)));
  }

  /**
   * The Undo on such a card, overtaken by a change made elsewhere since (the person moved on, the application ended, or
   * the rejection was undone): nothing undone, and the card says so instead of the change, with no Undo left on it.
   *
   * @param key the line, written with the person, the job and the stage the application is in {@code now}
   */
  Future<ActionResult> overtaken(ActionTarget t, Application now, String key, Toast toast, Language lang) {
    return card(t, lang, toast, "typed.notUndone.title", "orange", null, job -> Markdown.message(kit.messages, lang,
        key, Names.of(now.talentName()), job, StageWords.name(kit.messages, lang, now.stage())));
  }

  /**
   * The Undo on such a card clicked after its window: the card drawn again without it, as it read when the change was
   * made (the names read anew; the day added once it is not today's).
   */
  Future<ActionResult> expired(CardAction action, ActionTarget t, Toast toast, Language lang) {
    ObjectNode undo = action.value();
    Future<Application> app = kit.hire.application(t.applicationId());
    if ("reject".equals(undo.path("kind").asText(""))) {
      String reasonId = undo.path(REASON).asText("");
      return app.compose(a -> kit.hire.terminationReasons().compose(reasons -> {
        Optional<TerminationReason> reason = reasons.stream().filter(r -> r.id().equals(reasonId)).findFirst();
        return reason.isEmpty() ? Future.succeededFuture(ActionResult.of(toast))
            : rejected(t, a, reason.get(), undo, false, toast, lang);
      }));
    }
    return app.compose(a -> kit.process(t.jobId()).compose(process -> process.stage(t.stageId())
        .map(to -> moved(t, a, to, undo, false, toast, lang))
        .orElse(Future.succeededFuture(ActionResult.of(toast)))));
  }

  /**
   * The card: its title, the line {@code text} writes with the job's title, and the buttons: Undo (when
   * {@code undo} is given), the person's profile and the job's list.
   */
  private Future<ActionResult> card(ActionTarget t, Language lang, Toast toast, String titleKey, String color,
      ObjectNode undo, java.util.function.Function<String, String> text) {
    return kit.view.job(t.jobId()).map(job -> {
      ObjectNode model = kit.cards.model();
      model.put("title", kit.messages.get(lang, titleKey));
      model.put("color", color);
      model.put("text", text.apply(job.map(j -> Names.of(j.title())).orElse("")));
      ArrayNode buttons = model.putArray("buttons");
      if (undo != null) {
        button(buttons, "button.undo", "default", lang).setAll(undo);
      }
      ObjectNode profile = button(buttons, "typed.done.profile", "default", lang);
      profile.put("action", SharedActions.PROFILE_OPEN).put("talent_id", t.talentId())
          .put("application_id", t.applicationId()).put("job_id", t.jobId()).put("lang", lang.feishuLocale());
      button(buttons, "typed.done.list", "primary", lang).put("action", SharedActions.CANDIDATES_SHOW)
          .put("job_id", t.jobId()).put("page", 0).put("lang", lang.feishuLocale());
      return new ActionResult(toast, kit.cards.render("notice", model));
    });
  }

  private ObjectNode button(ArrayNode buttons, String labelKey, String type, Language lang) {
    ObjectNode b = buttons.addObject().put("label", kit.messages.get(lang, labelKey)).put("type", type);
    return b.putObject("value");
  }

  /** The line with the note quoted under it, as typed; the line alone for none. */
  private String quoted(String line, String note, Language lang) {
    return note.isEmpty() ? line : line + "\n" + Markdown.message(kit.messages, lang, "typed.quote", note);
  }

  /**
   * "@who · 10:32" for the change an Undo value names, with its day once the change was before today, in {@code zone}
   * (the chat's).
   */
  private Markdown.Own by(ObjectNode undo, ZoneId zone, Language lang) {
    Instant at = Instant.ofEpochMilli(undo.path(AT).asLong(kit.clock.millis()));
    Instant now = kit.clock.instant();
    String when = DateTexts.beforeToday(at, now, zone) ? DateTexts.dateTime(at, now.atZone(zone), lang)
        : DateTexts.time(at, zone);
    return new Markdown.Own(Markdown.person(undo.path(BY).asText("")) + " · " + when);
  }
}
