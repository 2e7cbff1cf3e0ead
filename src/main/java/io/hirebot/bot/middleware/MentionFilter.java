package io.hirebot.bot.middleware;

import io.vertx.core.Future;
import java.util.Set;

/** Drops group messages that do not @-mention the bot: in a group it speaks only when spoken to. */
public final class MentionFilter implements Middleware {
  @Override
  public Set<Inbound.Kind> kinds() {
    return Set.of(Inbound.Kind.MESSAGE);
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    return in.message().chat().isGroup() && !in.message().mentionsBot()
        ? Future.succeededFuture(Answer.NONE) : next.run();
  }
}
