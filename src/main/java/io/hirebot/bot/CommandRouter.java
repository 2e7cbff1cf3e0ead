package io.hirebot.bot;

import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a parsed command to the handler registered for its type; unknown input goes to the fallback. */
public final class CommandRouter {
  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

  /** Answers text that is not a command (usually with help). */
  @FunctionalInterface
  public interface Fallback {
    Future<Reply> handle(ParseResult.Unknown unknown, CommandContext context);
  }

  private final Map<Class<? extends Command>, CommandHandler<?>> handlers = new HashMap<>();
  private final Fallback fallback;

  public CommandRouter(Fallback fallback) {
    this.fallback = fallback;
  }

  public <C extends Command> CommandRouter on(Class<C> type, CommandHandler<C> handler) {
    if (handlers.put(type, handler) != null) {
      log.warn("replaced the handler for command={}", type.getSimpleName());
    }
    return this;
  }

  public Future<Reply> route(ParseResult result, CommandContext context) {
    if (result instanceof ParseResult.Parsed parsed) {
      return dispatch(parsed.command(), context);
    }
    return fallback.handle((ParseResult.Unknown) result, context);
  }

  @SuppressWarnings("unchecked")
  private <C extends Command> Future<Reply> dispatch(C command, CommandContext context) {
    CommandHandler<C> handler = (CommandHandler<C>) handlers.get(command.getClass());
    if (handler == null) {
      // A parsed command nobody handles yet is still not a reason to fall silent.
      log.warn("no handler for command={}", command.getClass().getSimpleName());
      return fallback.handle(new ParseResult.Unknown(command.toString(), "", context.language()), context);
    }
    return handler.handle(command, context);
  }
}
