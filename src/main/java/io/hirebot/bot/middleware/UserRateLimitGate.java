package io.hirebot.bot.middleware;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.i18n.Language;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.hirebot.util.TokenBucket;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-user budget of commands and card clicks together: a burst of {@value #BURST}, then {@value #PER_MINUTE} a
 * minute; beyond it, "slow down" (a reply to a command, a toast to a click) and nothing reaches Hire.
 */
public final class UserRateLimitGate implements CommandGate, ActionGate {
  static final int BURST = 10;
  static final int PER_MINUTE = 30;

  private final Messages messages;
  private final LoadingCache<String, TokenBucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10))
      .maximumSize(100_000)
      .build(user -> new TokenBucket(PER_MINUTE / 60.0, BURST));

  public UserRateLimitGate(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Future<Optional<Reply>> check(ParseResult parsed, CommandContext context) {
    return Future.succeededFuture(over(context.message().sender())
        ? Optional.of(new Reply.Text(messages.get(context.language(), "access.slowDown")))
        : Optional.empty());
  }

  @Override
  public Future<Optional<ActionResult>> check(CardAction action, Language language) {
    return Future.succeededFuture(over(action.operator())
        ? Optional.of(new ActionResult(ActionResult.ToastType.WARNING, messages.get(language, "access.slowDown"), null))
        : Optional.empty());
  }

  private boolean over(UserRef user) {
    return !buckets.get(user == null || user.openId() == null ? "" : user.openId()).tryAcquire();
  }
}
