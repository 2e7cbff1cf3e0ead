package io.hirebot.bot.middleware;

import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Names;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Set;

/**
 * Records every attempt (DESIGN §5): each command (but {@code help} and text that is none) and each click, once its
 * outcome is known, which only this step sees for all of them: {@code ok}, {@code refused} (by the hiring-data gate
 * after it, or by the feature), {@code stale}, {@code late}, {@code duplicate} (a repeated click that changed nothing) or {@code failed} with the failed call's X-Tt-Logid (or
 * the reference of a failure of ours). Features record nothing themselves.
 */
public final class Audit implements Middleware {
  /** Audit keeps what was asked, not essays: cut as shown text is (whole characters, "…"). */
  static final int MAX_AUDITED_TEXT = 200;
  /** The prefixes of the recorded action names: the command's type, the click's action id. */
  public static final String COMMAND = "command.";
  public static final String CLICK = "click.";

  private final AuditLog log;
  private final ErrorReplies errors;
  private final Clock clock;

  public Audit(AuditLog log, ErrorReplies errors, Clock clock) {
    this.log = log;
    this.errors = errors;
    this.clock = clock;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Inbound.REQUESTS;
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    if (!audited(in)) {
      return next.run();
    }
    return next.run()
        .onSuccess(answer -> record(in, outcome(answer)))
        .onFailure(e -> record(in, Answer.Outcome.failed(ErrorReplies.logId(e, errors.incident(e, where(in))))));
  }

  /** Whether the command shows hiring data (a click always does: every card action is about a job or candidate). */
  static boolean readsHiringData(Inbound in) {
    return in.kind() == Inbound.Kind.CARD_ACTION
        || in.parsed() instanceof ParseResult.Parsed p && p.command().readsHiringData();
  }

  /** Every click, and every command but help (text that is no command asks for nothing). */
  private static boolean audited(Inbound in) {
    return !in.isCommand() || in.parsed() instanceof ParseResult.Parsed p && !(p.command() instanceof Command.Help);
  }

  private static Answer.Outcome outcome(Answer answer) {
    if (answer instanceof Answer.Send send) {
      return send.outcome();
    }
    if (answer instanceof Answer.Click click && click.result() != null) {
      if (click.result().repeated()) {
        return Answer.Outcome.DUPLICATE;
      }
      Toast.Type type = click.result().toast().type();
      return type == Toast.Type.ERROR ? Answer.Outcome.REFUSED
          : type == Toast.Type.WARNING ? new Answer.Outcome("stale", "") : Answer.Outcome.OK;
    }
    return Answer.Outcome.OK;
  }

  /** The click's context as the dispatcher logs its failure (a failure of ours is logged once, by the first). */
  private static String where(Inbound in) {
    CardAction a = in.action();
    return a == null ? "command=" + in.commandName() : "action=" + a.actionName() + " message_id=" + a.messageId()
        + " operator=" + (in.userOpenId() == null ? "" : in.userOpenId());
  }

  private void record(Inbound in, Answer.Outcome outcome) {
    String chat = in.chatId() == null ? "" : in.chatId();
    String actor = in.userOpenId() == null ? "" : in.userOpenId();
    CardAction a = in.action();
    if (a == null) {
      String text = in.message().text() == null ? "" : in.message().text();
      log.record(new AuditEntry(clock.instant(), actor, chat, COMMAND + in.commandName(), "", "",
          Names.cut(text, MAX_AUDITED_TEXT), outcome.result(),
          outcome.logId()));
    } else {
      log.record(new AuditEntry(clock.instant(), actor, chat, CLICK + a.actionName(),
          a.value().path("application_id").asText(""), a.value().path("job_id").asText(""), "", outcome.result(),
          outcome.logId()));
    }
  }
}
