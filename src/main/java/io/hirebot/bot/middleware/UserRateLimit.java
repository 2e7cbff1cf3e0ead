package io.hirebot.bot.middleware;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.hirebot.bot.Toast;
import io.hirebot.i18n.Messages;
import io.hirebot.util.TokenBucket;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Set;

/**
 * Per-user budget of commands, menu clicks and card clicks together: a burst of {@value #BURST}, then
 * {@value #PER_MINUTE} a minute; beyond it, "slow down" (a reply to a command, a toast to a click) and nothing
 * reaches Hire.
 */
public final class UserRateLimit implements Middleware {
  static final int BURST = 10;
  static final int PER_MINUTE = 30;

  private final Messages messages;
  private final LoadingCache<String, TokenBucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10))
      .maximumSize(100_000)
      .build(user -> new TokenBucket(PER_MINUTE / 60.0, BURST));

  public UserRateLimit(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Inbound.REQUESTS;
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    String user = in.userOpenId();
    if (buckets.get(user == null ? "" : user).tryAcquire()) {
      return next.run();
    }
    return Future.succeededFuture(in.refusal(Toast.warning(messages, "access.slowDown")));
  }
}
