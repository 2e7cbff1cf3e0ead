package io.hirebot.bot.middleware;

import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.hirebot.access.GroupAccess;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/**
 * Lets a command that shows hiring data through only where it may be shown (DESIGN §5): in a group an
 * admin has enabled, or in a private chat with someone Hire knows as a hiring team member. A refused
 * command gets one polite line and causes no Hire read of candidates; every decision is audited.
 */
public final class HiringDataGate implements CommandGate {
  /** Audit keeps what was asked, not essays. */
  static final int MAX_AUDITED_TEXT = 200;

  private final GroupAccess groups;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final Messages messages;
  private final Clock clock;

  public HiringDataGate(GroupAccess groups, AccessPolicy access, AuditLog audit, Messages messages, Clock clock) {
    this.groups = groups;
    this.access = access;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Future<Optional<Reply>> check(ParseResult parsed, CommandContext context) {
    if (!(parsed instanceof ParseResult.Parsed p) || !p.command().readsHiringData()) {
      return Future.succeededFuture(Optional.empty());
    }
    IncomingMessage m = context.message();
    String user = m.sender() == null ? null : m.sender().openId();
    String command = p.command().getClass().getSimpleName();
    Future<String> refusal = m.chat().isGroup()
        ? groups.enabled(m.chat().chatId()).map(on -> on ? null : "access.notEnabled")
        : access.mayQuery(user).map(d -> !d.allowed() ? d.reasonKey()
            : d.role() == AccessPolicy.Role.INTERVIEWER && !ownInterviews(p.command()) ? "access.interviewerOnly"
            : null);
    return refusal.map(key -> {
      record(m, user, command, key == null ? "ok" : "refused");
      return key == null ? Optional.<Reply>empty()
          : Optional.<Reply>of(new Reply.Text(messages.get(context.language(), key)));
    });
  }

  /** What an interviewer may ask: the interviews they hold. */
  private static boolean ownInterviews(Command command) {
    return command instanceof Command.ListInterviews li && li.mine();
  }

  private void record(IncomingMessage m, String user, String command, String result) {
    String text = m.text() == null ? "" : m.text();
    audit.record(AuditEntry.inChat(clock.instant(), user, m.chat().chatId(), "query." + command,
        text.length() > MAX_AUDITED_TEXT ? text.substring(0, MAX_AUDITED_TEXT) : text, result));
  }
}
