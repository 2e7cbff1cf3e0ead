package io.hirebot.bot;

import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.command.Language;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Messages;

/**
 * Turns a failure into what the user sees: a short card (or toast) in their language that names the
 * failed Hire call and its X-Tt-Logid, never an exception text or a stack trace.
 */
public final class ErrorReplies {
  private final Cards cards;
  private final Messages messages;

  public ErrorReplies(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  public Reply reply(Throwable failure, Language lang) {
    var model = cards.model();
    boolean scope = failure instanceof FeishuApiException fe && fe.isMissingScope();
    model.put("title", messages.get(lang, scope ? "error.scope.title" : "error.title"));
    model.put("text", text(failure, lang));
    String logId = failure instanceof FeishuApiException fe ? fe.logId() : "";
    model.put("logId", logId);
    model.put("logIdLine", logId.isEmpty() ? "" : Markdown.message(messages, lang, "error.logid", logId));
    return Reply.card(cards.render("error", model));
  }

  public ActionResult toast(Throwable failure, Language lang) {
    String text = text(failure, lang);
    if (failure instanceof FeishuApiException fe && !fe.logId().isEmpty()) {
      text = text + " " + messages.get(lang, "error.logid", fe.logId()).replace("`", "");
    }
    return ActionResult.error(messages.get(lang, "toast.failed", text));
  }

  private String text(Throwable failure, Language lang) {
    if (failure instanceof FeishuApiException fe) {
      if (fe.isRateLimited()) {
        return messages.get(lang, "error.ratelimited");
      }
      if (fe.isMissingScope() && !fe.missingScope().isEmpty()) {
        // No retry helps: name the permission so whoever reads it can ask an admin for exactly that.
        return messages.get(lang, "error.scope", fe.missingScope());
      }
      // Refusals we can explain get a sentence; the code stays visible for whoever looks it up.
      String known = "error.code." + fe.code();
      return messages.has(lang, known) ? messages.get(lang, known) + " (" + fe.code() + ")"
          : messages.get(lang, "error.hire", String.valueOf(fe.code()), shorten(fe.feishuMsg()));
    }
    return messages.get(lang, "error.internal");
  }

  private static String shorten(String msg) {
    if (msg == null) {
      return "";
    }
    return msg.length() > 120 ? msg.substring(0, 117) + "…" : msg;
  }
}
