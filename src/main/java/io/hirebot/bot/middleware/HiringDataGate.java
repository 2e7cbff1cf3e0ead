package io.hirebot.bot.middleware;

import io.hirebot.access.AccessPolicy;
import io.hirebot.access.GroupAccess;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a command or click that shows hiring data through only where it may be shown (DESIGN §5): in a group an
 * admin has enabled, or to someone Hire knows as a hiring team member. A refusal is one polite line (a toast for a
 * click), causes no read of candidates, and is audited. Who may <em>change</em> a candidate is decided per job by
 * {@code ActionGuard} after this gate; this gate decides only who may see.
 */
public final class HiringDataGate implements Middleware {
  private final GroupAccess groups;
  private final AccessPolicy access;
  private final CardChats cardChats;
  private final Audit audit;
  private final Messages messages;

  public HiringDataGate(GroupAccess groups, AccessPolicy access, CardChats cardChats, Audit audit,
      Messages messages) {
    this.groups = groups;
    this.access = access;
    this.cardChats = cardChats;
    this.audit = audit;
    this.messages = messages;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Inbound.REQUESTS;
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    if (!Audit.readsHiringData(in)) {
      return next.run();
    }
    return refusal(in).compose(key -> {
      if (key == null) {
        return next.run();
      }
      audit.record(in, "refused");
      return Future.succeededFuture(in.refusal(ActionResult.ToastType.ERROR, messages.get(in.language(), key)));
    });
  }

  /**
   * The one rule, for commands and clicks: in a group, only if enabled; in a private chat, only for the hiring
   * team (an interviewer's command asks only for their own interviews). A click names its chat but not its kind:
   * the kind recorded with the clicked card decides; for a card not recorded, an enabled chat lets the click
   * through, otherwise the clicker must be someone the data may be shown to privately. Null when allowed, else the
   * i18n key of the refusal.
   */
  private Future<String> refusal(Inbound in) {
    ChatRef.ChatType said = in.chatType();
    if (said == ChatRef.ChatType.P2P) {
      return privately(in);
    }
    Future<Boolean> enabled = in.chatId() == null ? Future.succeededFuture(false) : groups.enabled(in.chatId());
    if (said == ChatRef.ChatType.GROUP) {
      return enabled.map(on -> on ? null : "access.notEnabled");
    }
    // A click: both lookups at once, the click's answer has 2 s.
    Future<Optional<ChatRef.ChatType>> recorded = in.action() == null || in.action().messageId() == null
        ? Future.succeededFuture(Optional.empty()) : cardChats.kindOf(in.action().messageId());
    return Future.all(enabled, recorded).compose(both -> {
      ChatRef.ChatType kind = recorded.result().orElse(null);
      if (kind == ChatRef.ChatType.P2P) {
        return privately(in);
      }
      if (enabled.result()) {
        return Future.succeededFuture(null);
      }
      return kind == ChatRef.ChatType.GROUP ? Future.succeededFuture("access.notEnabled") : privately(in);
    });
  }

  /** Someone Hire knows as hiring team (an interviewer's command asks only for their own interviews). */
  private Future<String> privately(Inbound in) {
    return access.mayQuery(in.userOpenId()).map(d -> !d.allowed() ? d.reasonKey()
        : d.role() == AccessPolicy.Role.INTERVIEWER && in.isCommand() && !ownInterviews(in)
            ? "access.interviewerOnly" : null);
  }

  /** What an interviewer may ask: the interviews they hold. */
  private static boolean ownInterviews(Inbound in) {
    return in.parsed() instanceof ParseResult.Parsed p && p.command() instanceof Command.ListInterviews li && li.mine();
  }
}
