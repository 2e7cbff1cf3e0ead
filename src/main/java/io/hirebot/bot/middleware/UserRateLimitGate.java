package io.hirebot.bot.middleware;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.hirebot.util.TokenBucket;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** Per-user command budget: a burst of {@value #BURST}, then {@value #PER_MINUTE} a minute; beyond it, "slow down". */
public final class UserRateLimitGate implements CommandGate {
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
    var sender = context.message().sender();
    String user = sender == null || sender.openId() == null ? "" : sender.openId();
    boolean over = !buckets.get(user).tryAcquire();
    return Future.succeededFuture(over
        ? Optional.of(new Reply.Text(messages.get(context.language(), "access.slowDown")))
        : Optional.empty());
  }
}
