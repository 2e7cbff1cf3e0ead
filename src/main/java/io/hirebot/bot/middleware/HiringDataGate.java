package io.hirebot.bot.middleware;

import io.hirebot.access.HiringDataRule;
import io.hirebot.bot.ChatSettings;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.command.Command;
import io.hirebot.command.CommandPhrases;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lets a command or click that shows hiring data through only where it may be shown (DESIGN §5): in a group an
 * admin has enabled, or to someone Hire knows as a hiring team member. A refusal is one polite line (a toast for a
 * click), causes no read of candidates, and is audited (by {@link Audit}, before it in the chain). Who may <em>change</em> a candidate is decided per job by
 * {@code ActionGuard} after this gate; this gate decides only who may see.
 */
public final class HiringDataGate implements Middleware {
  private final HiringDataRule rule;
  private final CardChats cardChats;
  private final Messages messages;

  public HiringDataGate(HiringDataRule rule, CardChats cardChats, Messages messages) {
    this.rule = rule;
    this.cardChats = cardChats;
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
      return Future.succeededFuture(in.refusal(toast(in, key)));
    });
  }

  /**
   * The refusal's words: an interviewer asking for everyone's interviews of a period ("interviews last week") is pointed
   * to their own of that same period, as the command reads back in each language ("my interviews last week").
   */
  private Toast toast(Inbound in, String key) {
    if (HiringDataRule.INTERVIEWER_ONLY.equals(key) && in.parsed() instanceof ParseResult.Parsed p
        && p.command() instanceof Command.ListInterviews li) {
      Command.ListInterviews mine = new Command.ListInterviews(li.period(), true);
      return Toast.of(Toast.Type.ERROR, l -> messages.get(l, "access.interviewerOnly.interviews",
          CommandPhrases.canonical(mine, l)));
    }
    return Toast.error(messages, key);
  }

  /**
   * The rule ({@link HiringDataRule}), for commands and clicks: a command says its chat's kind; a click names its chat
   * but not its kind, so the kind recorded with the clicked card decides (looked up while the chat's switch is read:
   * the click's answer has 2 s). An interviewer's command may ask only for their own interviews (or another page of
   * a card they were shown) and for a candidate's profile, which the profile feature shows them only for their own
   * candidates, by the rule it applies to a profile clicked as well ({@link HiringDataRule#profiles}); their clicks are
   * on cards they were shown. Null when allowed, else the i18n key of the refusal.
   */
  private Future<String> refusal(Inbound in) {
    boolean interviewerMay = !in.isCommand() || interviewerMay(in);
    // The chat's switch comes from the event's one read of its settings, which its answer's zone comes from too.
    Supplier<Future<Boolean>> enabled = () -> in.chatSettings().map(ChatSettings::enabled);
    ChatRef.ChatType said = in.chatType();
    if (said != null) {
      return rule.refusal(enabled, place(said), in.userOpenId(), interviewerMay);
    }
    Future<Boolean> read = enabled.get();
    Future<HiringDataRule.Place> recorded = in.action() == null || in.action().messageId() == null
        ? Future.succeededFuture(HiringDataRule.Place.UNKNOWN)
        : cardChats.kindOf(in.action().messageId()).map(kind -> kind.map(HiringDataGate::place)
            .orElse(HiringDataRule.Place.UNKNOWN));
    return rule.refusal(read, recorded, in.userOpenId(), interviewerMay);
  }

  private static HiringDataRule.Place place(ChatRef.ChatType type) {
    return type == ChatRef.ChatType.P2P ? HiringDataRule.Place.PRIVATE : HiringDataRule.Place.GROUP;
  }

  /**
   * What an interviewer may ask: the interviews they hold, another page of the card last shown to them in this chat or
   * the list it was opened from, which are its pager's and its Back button's clicks typed in words, and a profile,
   * as its Profile buttons open one (whose it may be is the profile's rule).
   */
  private static boolean interviewerMay(Inbound in) {
    return in.parsed() instanceof ParseResult.Parsed p && (p.command() instanceof Command.ListInterviews li && li.mine()
        || p.command() instanceof Command.TurnPage || p.command() instanceof Command.GoBack
        || p.command() instanceof Command.ShowProfile);
  }
}
