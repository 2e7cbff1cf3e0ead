package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.error.ChangeFailedException;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.NotFoundException;
import io.hirebot.error.ReplyOwedException;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into what the user sees: a short card (or toast) in their language that names the
 * failed Hire call and its X-Tt-Logid, never an exception text or a stack trace. A failure that is not Feishu's (a
 * bug of ours, such as an exception while building a card) says so honestly, with a reference the user can quote,
 * and is logged once, with that reference and its stack.
 */
public final class ErrorReplies {
  private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);
  /** What a click whose answer Feishu would not take for now is told (it follows: {@link ReplyOwedException}). */
  private static final String OWED = "toast.reply.owed";

  private final Cards cards;
  private final Messages messages;
  /**
   * The reference given to each failure of ours, by identity: a click's toast and its delayed card, or a command's
   * log line and its reply, quote one reference and log the failure once.
   */
  private final Cache<Throwable, String> incidents = Caffeine.newBuilder().weakKeys()
      .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

  public ErrorReplies(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  public Reply reply(Throwable failure, Language lang) {
    return Reply.card(card(failure, lang));
  }

  /**
   * Whether {@code failure} is a bug of ours rather than something Feishu said or did not say (a Hire or IM
   * failure, a deadline without an answer) or a lookup that found nothing.
   */
  public static boolean ours(Throwable failure) {
    Throwable f = unwrapped(failure);
    return !(f instanceof FeishuApiException) && !(f instanceof NotFoundException)
        && !(f instanceof ReplyOwedException);
  }

  /**
   * The reference of a failure of ours, "" for Feishu's. The first call logs it: one line with the reference,
   * {@code context} (which command, click or job, as {@code key=value} pairs) and the stack.
   */
  public String incident(Throwable failure, String context) {
    if (!ours(failure)) {
      return "";
    }
    // By the failure itself: a change's failure that wraps it (see ChangeFailedException) quotes the same reference.
    return incidents.get(unwrapped(failure), f -> {
      String ref = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      log.error("internal failure ref={} {} cause={}", ref, context, f.toString(), f);
      return ref;
    });
  }

  /** What an admin looks a failure up by: the failed call's X-Tt-Logid, else {@code ref}, the reference of ours. */
  public static String logId(Throwable failure, String ref) {
    return unwrapped(failure) instanceof FeishuApiException fe && !fe.logId().isEmpty() ? fe.logId() : ref;
  }

  /**
   * The error card for a failure (a command's reply, or a slow click's delayed update); for the deadline passing, a
   * "still waiting" card instead: the work goes on and may well succeed (see {@link LateAnswers}).
   */
  public ObjectNode card(Throwable failure, Language lang) {
    Throwable f = unwrapped(failure);
    if (Deadline.passed(f)) {
      return notice("deadline.pending.title", Markdown.escape(text(f, lang)), "orange", lang);
    }
    if (f instanceof ReplyOwedException) {
      return notice("reply.owed.title", Markdown.escape(messages.get(lang, OWED)), "orange", lang);
    }
    boolean scope = f instanceof FeishuApiException fe && fe.isMissingScope();
    return card(scope ? "error.scope.title" : f instanceof NotFoundException ? "error.notfound.title"
        : unconfirmed(failure) ? "error.unconfirmed.title" : ours(f) ? "error.internal.title"
        : answered(f) ? "error.answered.title" : "error.title", text(failure, lang),
        f instanceof FeishuApiException fe ? fe.logId() : "", lang);
  }

  /** Hire answered, with an error or a page that is not its JSON: "did not answer" would contradict the text. */
  /** Hire answered, with an error (or was last seen answering errors, for a call not tried). */
  private static boolean answered(Throwable f) {
    return f instanceof FeishuApiException fe && (fe.kind() == FeishuApiException.Kind.ANSWERED
        || fe.kind() == FeishuApiException.Kind.UNREADABLE
        || fe.kind() == FeishuApiException.Kind.NOT_TRIED && fe.httpStatus() >= 400);
  }

  /** An error card carrying a failure toast's text (which already names the log id), for a delayed update. */
  public ObjectNode card(String toastText, Language lang) {
    return card("error.failed.title", toastText, "", lang);
  }

  /** A notice card: {@code markdown} is ours, its data already escaped. */
  public ObjectNode notice(String titleKey, String markdown, String color, Language lang) {
    var model = cards.model();
    model.put("title", messages.get(lang, titleKey));
    model.put("text", markdown);
    model.put("color", color);
    return cards.render("notice", model);
  }

  private ObjectNode card(String titleKey, String text, String logId, Language lang) {
    var model = cards.model();
    model.put("title", messages.get(lang, titleKey));
    model.put("text", text);
    model.put("logId", logId);
    model.put("logIdLine", logId.isEmpty() ? "" : Markdown.message(messages, lang, "error.logid", logId));
    return cards.render("error", model);
  }

  /** The toast of a failed click, in every language. */
  public ActionResult toast(Throwable failure) {
    if (unwrapped(failure) instanceof ReplyOwedException) {
      // Not a failure the clicker can do anything about: the answer is on its way.
      return ActionResult.of(Toast.info(messages, OWED));
    }
    return ActionResult.of(Toast.of(Toast.Type.ERROR, lang -> {
      String text = text(failure, lang);
      if (unwrapped(failure) instanceof FeishuApiException fe && !fe.logId().isEmpty()) {
        text = text + " " + messages.get(lang, "error.logid", fe.logId()).replace("`", "");
      }
      // A change Hire did not answer may well have been made: "that did not work" could be false.
      return unconfirmed(failure) ? text : messages.get(lang, "toast.failed", text);
    }));
  }

  /**
   * A change (a write) whose outcome nobody knows: Hire gave no answer, or a page that is not its answer (a gateway's
   * timeout page, a cut-off body), after the request may have reached it.
   */
  private static boolean unconfirmed(Throwable failure) {
    return change(failure) != null && unwrapped(failure) instanceof FeishuApiException fe
        && !fe.operation().isEmpty()
        && (fe.kind() == FeishuApiException.Kind.NO_ANSWER || fe.kind() == FeishuApiException.Kind.UNREADABLE);
  }

  /** The change that failed, as the user asked for it, or null when the failure is not a change's. */
  private static ChangeFailedException change(Throwable failure) {
    for (Throwable f = failure; f != null; f = f.getCause()) {
      if (f instanceof ChangeFailedException c) {
        return c;
      }
    }
    return null;
  }

  /** The change's name as the user clicked it, quoted; "the change" when the failure names none. */
  private String changeName(Throwable failure, Language lang) {
    ChangeFailedException c = change(failure);
    return c == null ? messages.get(lang, "change.any")
        : messages.get(lang, "change.quoted", messages.get(lang, c.changeKey()));
  }

  /**
   * How long a call was waited for, as said to the user: whole seconds, or tenths where there are any (the call
   * timeout is 3.5 s; "within 4 s" overstated it when the answer came after 3.5).
   */
  static String seconds(java.time.Duration waited) {
    long tenths = Math.max(10, (waited.toMillis() + 99) / 100);
    return tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
  }

  private String text(Throwable thrown, Language lang) {
    Throwable failure = unwrapped(thrown);
    if (failure instanceof NotFoundException miss) {
      return messages.get(lang, miss.messageKey(), miss.name());
    }
    if (failure instanceof FeishuApiException fe) {
      String seconds = seconds(fe.waitTime());
      if (unconfirmed(thrown)) {
        return fe.kind() == FeishuApiException.Kind.NO_ANSWER
            ? messages.get(lang, "error.change.noAnswer", changeName(thrown, lang), seconds, fe.operation())
            : messages.get(lang, "error.change.unreadable", changeName(thrown, lang),
                String.valueOf(fe.httpStatus()), fe.operation());
      }
      switch (fe.kind()) {
        case NOT_TRIED:
          long ago = fe.waitTime().toSeconds();
          String tried = ago == 0 ? messages.get(lang, "error.tried.now") : messages.get(lang, "error.tried.ago", ago);
          return fe.httpStatus() >= 400
              ? messages.get(lang, "error.failing", tried, String.valueOf(fe.httpStatus()))
              : messages.get(lang, "error.notAnswering", tried);
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
      return messages.has(lang, known) ? messages.get(lang, known, changeName(thrown, lang)) + " (" + fe.code() + ")"
          : messages.get(lang, "error.hire", String.valueOf(fe.code()), shorten(fe.feishuMsg()));
    }
    return messages.get(lang, "error.internal", incident(thrown, ""));
  }

  /** The failure itself when a future or stream wrapped it, or a change's failure names the change. */
  private static Throwable unwrapped(Throwable failure) {
    Throwable f = failure;
    while ((f instanceof CompletionException || f instanceof ChangeFailedException) && f.getCause() != null) {
      f = f.getCause();
    }
    return f;
  }

  private static String shorten(String msg) {
    return Names.cut(msg, 120);
  }
}
