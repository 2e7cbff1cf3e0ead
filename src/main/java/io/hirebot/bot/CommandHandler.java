package io.hirebot.bot;

import io.hirebot.command.Command;
import io.vertx.core.Future;

/** Answers one kind of command. Runs on the event loop: do I/O only through futures. */
@FunctionalInterface
public interface CommandHandler<C extends Command> {
  Future<Reply> handle(C command, CommandContext context);
}
