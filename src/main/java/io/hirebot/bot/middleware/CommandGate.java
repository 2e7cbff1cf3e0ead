package io.hirebot.bot.middleware;

import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.command.ParseResult;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A check every command passes before its handler runs (rate limit, who may see hiring data where).
 * A gate answers empty to let the command through, or the reply to send instead of running it.
 */
@FunctionalInterface
public interface CommandGate {
  Future<Optional<Reply>> check(ParseResult parsed, CommandContext context);
}
