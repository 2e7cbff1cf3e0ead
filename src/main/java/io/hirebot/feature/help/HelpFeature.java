package io.hirebot.feature.help;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.command.CommandParser;
import io.hirebot.command.Command.Help;
import io.hirebot.i18n.Language;
import io.hirebot.command.ParseResult;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.vertx.core.Future;
import java.util.List;

/** Answers "help" and anything that is not a command with the help card, suggesting the closest command. */
public final class HelpFeature implements Feature, CommandHandler<Help>, CommandRouter.Fallback {
  static final List<String> COMMAND_KEYS =
      List.of("help.command.candidates", "help.command.filters", "help.command.profile", "help.command.pipeline",
          "help.command.interviews", "help.command.offers", "help.command.onboarding", "help.command.actions", "help.command.jobs",
          "help.command.subscribe", "help.command.tasks", "help.command.digest", "help.command.quiet",
          "help.command.admin", "help.command.help");
  /** Echoing a whole essay back would bury the help; quote only its start: this many characters, "…" included. */
  static final int MAX_ECHO = 40;

  private final Cards cards;
  private final Messages messages;

  public HelpFeature(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Help.class, this).unknownText(this);
  }

  @Override
  public Future<Reply> handle(Help command, CommandContext context) {
    return Future.succeededFuture(Reply.card(card(context.language(), "", "")));
  }

  @Override
  public Future<Reply> handle(ParseResult.Unknown unknown, CommandContext context) {
    Language lang = context.language();
    if (unknown.problem() != null) {
      // A command with its argument out of range: one line saying what is wrong and how to write it.
      return Future.succeededFuture(Reply.text(messages, lang, problemKey(unknown.problem().kind()),
          unknown.problem().given(), unknown.suggestion(), Command.Audit.MAX, CommandParser.MAX_INPUT_LENGTH));
    }
    String text = unknown.text() == null ? "" : unknown.text().strip();
    String notice = text.isEmpty() ? "" : Markdown.message(messages, lang, "help.unknown", echo(text));
    String suggestion = unknown.suggestion().isEmpty() ? "" : Markdown.message(messages, lang, "help.suggestion", unknown.suggestion());
    return Future.succeededFuture(Reply.card(card(lang, notice, suggestion)));
  }

  ObjectNode card(Language lang, String notice, String suggestion) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "help.title"));
    model.put("notice", notice);
    model.put("suggestion", suggestion);
    ArrayNode commands = model.putArray("commands");
    COMMAND_KEYS.forEach(k -> commands.add(messages.get(lang, k)));
    model.put("footer", messages.get(lang, "help.footer"));
    return cards.render("help", model);
  }

  private static String problemKey(ParseResult.Problem.Kind kind) {
    return switch (kind) {
      case NOT_A_TIME -> "help.invalid.notATime";
      case EMPTY_WINDOW -> "help.invalid.emptyWindow";
      case TOO_LONG -> "help.invalid.tooLong";
      case AUDIT_RANGE -> "help.invalid.auditRange";
      case UNKNOWN_ZONE -> "help.invalid.unknownZone";
    };
  }

  private static String echo(String text) {
    return Names.cut(text.replaceAll("\\s+", " "), MAX_ECHO);
  }
}
