package io.hirebot.bot.middleware;

import java.util.Set;

/** Drops group messages that do not @-mention the bot: in a group it speaks only when spoken to. */
public final class MentionFilter implements Filter {
  @Override
  public Set<Inbound.Kind> kinds() {
    return Set.of(Inbound.Kind.MESSAGE);
  }

  @Override
  public boolean drops(Inbound in) {
    return in.message().chat().isGroup() && !in.message().mentionsBot();
  }
}
