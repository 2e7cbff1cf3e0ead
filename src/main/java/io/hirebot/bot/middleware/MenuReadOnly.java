package io.hirebot.bot.middleware;

import io.hirebot.bot.Toast;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Bot-menu items run read-only commands only ({@code Command#readOnly}): a menu click names no chat, so "subscribe",
 * "digest daily 09:00" or "enable" from the menu would have no chat to act on, and a change belongs in the chat it is
 * for. Such an item gets one line saying to type the command in that chat, and nothing changes.
 */
public final class MenuReadOnly implements Middleware {
  private final Messages messages;

  public MenuReadOnly(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Set<Inbound.Kind> kinds() {
    return Set.of(Inbound.Kind.MENU);
  }

  @Override
  public Future<Answer> apply(Inbound in, Next next) {
    if (in.parsed() instanceof ParseResult.Parsed p && !p.command().readOnly()) {
      return Future.succeededFuture(in.refusal(
          Toast.info(messages, "menu.useInChat", in.message().text().strip())));
    }
    return next.run();
  }
}
