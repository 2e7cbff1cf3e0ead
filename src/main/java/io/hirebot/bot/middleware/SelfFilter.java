package io.hirebot.bot.middleware;

import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Supplier;

/** Drops the bot's own messages (Feishu delivers them like anyone's), so it never answers itself. */
public final class SelfFilter implements Middleware {
  private final Supplier<String> botOpenId;

  public SelfFilter(Supplier<String> botOpenId) {
    this.botOpenId = botOpenId;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Set.of(Inbound.Kind.MESSAGE);
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    String sender = in.userOpenId();
    return sender != null && sender.equals(botOpenId.get()) ? Future.succeededFuture(Answer.NONE) : next.run();
  }
}
