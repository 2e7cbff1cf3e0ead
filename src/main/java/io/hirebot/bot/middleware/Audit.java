package io.hirebot.bot.middleware;

import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.hirebot.command.ParseResult;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Set;

/**
 * Records who asked for hiring data where (DESIGN §5): every command that reads it and got past the gates, and
 * (told by {@link HiringDataGate}) every command or click the gate refused.
 */
public final class Audit implements Middleware {
  /** Audit keeps what was asked, not essays. */
  static final int MAX_AUDITED_TEXT = 200;

  private final AuditLog log;
  private final Clock clock;

  public Audit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Set.of(Inbound.Kind.MESSAGE, Inbound.Kind.MENU);
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    if (readsHiringData(in)) {
      record(in, "ok");
    }
    return next.run();
  }

  /** Whether the command shows hiring data (a click always does: every card action is about a job or candidate). */
  static boolean readsHiringData(Inbound in) {
    return in.kind() == Inbound.Kind.CARD_ACTION
        || in.parsed() instanceof ParseResult.Parsed p && p.command().readsHiringData();
  }

  void record(Inbound in, String result) {
    String action;
    String text;
    if (in.isCommand()) {
      action = "query." + in.commandName();
      text = in.message().text() == null ? "" : in.message().text();
    } else {
      action = "click." + in.action().actionName();
      text = "";
    }
    log.record(AuditEntry.inChat(clock.instant(), in.userOpenId(), in.chatId(), action,
        text.length() > MAX_AUDITED_TEXT ? text.substring(0, MAX_AUDITED_TEXT) : text, result));
  }
}
