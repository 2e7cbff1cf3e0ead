package io.hirebot.feature.candidates;

import io.hirebot.cards.Markdown;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Add a note to the candidate from the card (a form), or confirm one typed in words, written to Hire as the clicking
 * user; the answer names the candidate and quotes the note.
 */
final class NoteActions {
  /** Hire's input component allows 1000 characters by default; the card says the same. */
  static final int MAX_NOTE = 1000;
  private final ActionKit kit;

  NoteActions(ActionKit kit) {
    this.kit = kit;
  }

  Future<ActionResult> openForm(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    return kit.guard.allowed(action, lang, t, () -> kit.hire.application(t.applicationId())
        .compose(app -> kit.places.open(action, t, lang, placed -> kit.forms.note(placed, app, lang))));
  }

  Future<ActionResult> submit(CardAction action, Language lang) {
    ActionTarget t = ActionTarget.of(action);
    String note = ActionKit.formText(action, "note");
    if (note.isEmpty() || note.length() > MAX_NOTE) {
      return Future.succeededFuture(ActionResult.of(Toast.error(kit.messages, "toast.noteInvalid", MAX_NOTE)));
    }
    // Same text on the same application is one note, however often the form is submitted.
    String key = "note:" + t.applicationId() + ":" + UUID.nameUUIDFromBytes(note.getBytes(StandardCharsets.UTF_8));
    String author = action.operator() == null ? "" : action.operator().openId();
    return kit.guard.write(action, lang, t, "note", key,
        () -> kit.hire.application(t.applicationId()), app ->
            kit.hire.createNote(app.talentId(), app.id(), author, note).compose(id -> {
              Toast toast = Toast.success(kit.messages, "toast.noted", app.talentName());
              return ActionKit.typedConfirmation(action) ? confirmed(action, t, lang, toast, app.talentName(), note)
                  : kit.result(t, lang, toast, noted(action, app.talentName()).withNote(note));
            }))
        .compose(r -> kit.places.land(action, t, r, lang));
  }

  private Notice noted(CardAction action, String talentName) {
    Markdown.Own by = kit.byWhom(action);
    return Notice.of(l -> Markdown.message(kit.messages, l, "notice.noted", talentName, by));
  }

  /**
   * A typed note's confirmation card, answered: what was added to whom, by whom, and the note as written. A note
   * changes nothing a list shows, so the card says so in a few lines instead of turning into the job's whole list.
   */
  private Future<ActionResult> confirmed(CardAction action, ActionTarget t, Language lang, Toast toast,
      String talentName, String note) {
    return kit.view.job(t.jobId()).map(job -> {
      String text = Markdown.message(kit.messages, lang, "typed.noted", talentName, job.map(Job::title).orElse(""),
          kit.byWhom(action)) + "\n" + Markdown.message(kit.messages, lang, "typed.quote", note);
      return new ActionResult(toast, kit.notices.notice("typed.noted.title", text, "green", lang));
    });
  }
}
