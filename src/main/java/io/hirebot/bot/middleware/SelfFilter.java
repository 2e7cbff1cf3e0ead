package io.hirebot.bot.middleware;

import java.util.Set;
import java.util.function.Supplier;

/** Drops the bot's own messages (Feishu delivers them like anyone's), so it never answers itself. */
public final class SelfFilter implements Filter {
  private final Supplier<String> botOpenId;

  public SelfFilter(Supplier<String> botOpenId) {
    this.botOpenId = botOpenId;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Set.of(Inbound.Kind.MESSAGE);
  }

  @Override
  public boolean drops(Inbound in) {
    String sender = in.userOpenId();
    return sender != null && sender.equals(botOpenId.get());
  }
}
