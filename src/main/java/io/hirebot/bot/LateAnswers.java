package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.AsyncResult;

/**
 * What replaces the "still waiting for Feishu Hire" card a command or a click was shown at its deadline, once the
 * work behind it finishes, whatever it came to: the card it answered with, its text or toast in a card, or what
 * failed. So the last word a user reads is what happened: a change that went through is never left saying it did
 * not, and one that failed never says it is still on its way.
 */
public final class LateAnswers {
  private final ErrorReplies errors;
  private final Messages messages;

  public LateAnswers(ErrorReplies errors, Messages messages) {
    this.errors = errors;
    this.messages = messages;
  }

  /** A command's outcome after its deadline. */
  public ObjectNode command(AsyncResult<Reply> outcome, Language lang) {
    if (outcome.failed()) {
      return errors.card(outcome.cause(), lang);
    }
    return outcome.result() instanceof Reply.Card c ? c.card() : finished((Reply.Text) outcome.result(), lang);
  }

  /** A click's outcome after its deadline: a toast alone (the click's card stayed as it was) goes in a card too. */
  public ObjectNode click(AsyncResult<ActionResult> outcome, Language lang) {
    if (outcome.failed()) {
      return errors.card(outcome.cause(), lang);
    }
    ActionResult r = outcome.result();
    if (r != null && r.card() != null) {
      return r.card();
    }
    String toast = r == null ? "" : r.toast().text(lang);
    if (r != null && r.toast().type() == Toast.Type.ERROR) {
      return errors.card(toast, lang);
    }
    if (r != null && r.toast().type() == Toast.Type.WARNING) {
      // A warning (the card was out of date, too many clicks) changed nothing: the title must not say "Finished".
      return errors.notice("deadline.unchanged.title", Markdown.escape(toast), "orange", lang);
    }
    // A toast is plain text: all of it data.
    return finished(new Reply.Text(toast), lang);
  }

  /**
   * What the clicker reads when Feishu refused the card a late click result would have shown (over its size or element
   * limits): what the click did (its toast, else "Done."), that the clicked card may now be out of date, and the code
   * and log id an admin can look up.
   */
  public ObjectNode refusedCard(ActionResult result, FeishuApiException refusal, Language lang) {
    String done = result == null || result.toast().text(lang).isBlank()
        ? messages.get(lang, "deadline.finished.text") : result.toast().text(lang);
    String text = Markdown.message(messages, lang, "click.refused.text", done, String.valueOf(refusal.code()),
        refusal.logId().isEmpty() ? "-" : refusal.logId());
    return errors.notice("click.refused.title", text, "orange", lang);
  }

  /** The text in a card as the text message would have read: its own markup live, its data as typed. */
  private ObjectNode finished(Reply.Text text, Language lang) {
    String markdown = text.text() == null || text.text().isBlank()
        ? Markdown.escape(messages.get(lang, "deadline.finished.text")) : text.asMarkdown();
    return errors.notice("deadline.finished.title", markdown, "green", lang);
  }
}
