package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.NotFoundException;
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
    return Reply.card(card(failure, lang));
  }

  /** The error card for a failure (a command's reply, or a slow click's delayed update). */
  public ObjectNode card(Throwable failure, Language lang) {
    boolean scope = failure instanceof FeishuApiException fe && fe.isMissingScope();
    return card(scope ? "error.scope.title"
        : failure instanceof NotFoundException ? "error.notfound.title" : "error.title", text(failure, lang),
        failure instanceof FeishuApiException fe ? fe.logId() : "", lang);
  }

  /** An error card carrying a failure toast's text (which already names the log id), for a delayed update. */
  public ObjectNode card(String toastText, Language lang) {
    return card("error.title", toastText, "", lang);
  }

  private ObjectNode card(String titleKey, String text, String logId, Language lang) {
    var model = cards.model();
    model.put("title", messages.get(lang, titleKey));
    model.put("text", text);
    model.put("logId", logId);
    model.put("logIdLine", logId.isEmpty() ? "" : Markdown.message(messages, lang, "error.logid", logId));
    return cards.render("error", model);
  }

  public ActionResult toast(Throwable failure, Language lang) {
    String text = text(failure, lang);
    if (failure instanceof FeishuApiException fe && !fe.logId().isEmpty()) {
      text = text + " " + messages.get(lang, "error.logid", fe.logId()).replace("`", "");
    }
    return ActionResult.error(messages.get(lang, "toast.failed", text));
  }

  private String text(Throwable failure, Language lang) {
    if (failure instanceof NotFoundException miss) {
      return messages.get(lang, miss.messageKey(), miss.name());
    }
    if (failure instanceof FeishuApiException fe) {
      String seconds = String.valueOf(Math.max(1, (fe.waitTime().toMillis() + 999) / 1000));
      switch (fe.kind()) {
        case NOT_TRIED:
          return messages.get(lang, "error.notAnswering", String.valueOf(fe.waitTime().toSeconds()));
        case NO_ANSWER:
          // The command's own deadline names no call: several may have been waiting.
          return fe.operation().isEmpty() ? messages.get(lang, "error.deadline", seconds)
              : messages.get(lang, "error.noAnswer", seconds, fe.operation());
        case UNREACHABLE:
          return messages.get(lang, "error.unreachable", fe.operation());
        case UNREADABLE:
          return messages.get(lang, "error.unreadable", String.valueOf(fe.httpStatus()), fe.operation());
        default:
          break;
      }
      if (fe.isRateLimited()) {
        return fe.waitTime().isZero() ? messages.get(lang, "error.ratelimited")
            : messages.get(lang, "error.ratelimitedFor", seconds);
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
