package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.middleware.CardChats;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Refusal;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.command.ParseResult;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.List;

/**
 * Understanding people, not patterns (issue 17): answers "where is <person>", asks "did you mean…?" with a button
 * per reading, and runs the reading clicked; answers a change said not to be made ("don't reject…") with "nothing
 * changed" ({@link NothingChanged}); pages the last card as its pager would ("next page", {@link TypedPage});
 * {@link LiveLexicon} keeps the parser's lexicon fresh.
 */
public final class UnderstandingFeature implements Feature {

  /** A button that runs the command its value carries. */
  public static final String RUN = "understanding.run";

  private final HireDirectory hire;
  private final HireMeter meter;
  private final Cards cards;
  private final Messages messages;
  private final CommandCodec codec;
  private final WhereIsHandler whereIs;
  private final FollowUpQuestion followUps;
  private final CardChats cardChats;

  /** @param contextWindow how long a card can be followed up (said when a follow-up has nothing to follow) */
  /** @param cardChats the kind of chat each card the bot sent is in: a clicked reading runs as typed there */
  public UnderstandingFeature(HireDirectory hire, HireMeter meter, Cards cards, Messages messages,
      java.time.Duration contextWindow, CardChats cardChats) {
    this.hire = hire;
    this.meter = meter;
    this.cardChats = cardChats;
    this.cards = cards;
    this.messages = messages;
    this.codec = new CommandCodec(cards.mapper());
    this.whereIs = new WhereIsHandler(meter, cards, messages, codec);
    this.followUps = new FollowUpQuestion(hire, cards, messages, codec, contextWindow);
  }

  @Override
  public void register(FeatureRegistry registry) {
    CommandRouter commands = registry.commands();
    // One class clicks what a card's pager and its Back button would, for words typed after it.
    TypedPage typed = new TypedPage(registry.actions(), messages);
    registry.command(Command.WhereIs.class, whereIs)
        .command(Command.Clarify.class, this::clarify)
        .command(Command.AskWhich.class, followUps)
        .command(Command.Negated.class, new NothingChanged(meter, cards, messages))
        .command(Command.TurnPage.class, typed::turn)
        .command(Command.GoBack.class, typed::back)
        .action(RUN, (action, lang) -> run(commands, action, lang));
  }

  private Future<Reply> clarify(Command.Clarify clarify, CommandContext context) {
    Language lang = context.language();
    return hire.jobs().map(jobs -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, "clarify.title"));
      model.put("color", "wathet");
      model.put("text", Markdown.message(messages, lang, "clarify.text", context.message().text()));
      model.put("hint", messages.get(lang, "clarify.hint"));
      ArrayNode choices = model.putArray("choices");
      for (Command reading : clarify.readings()) {
        ObjectNode value = codec.button(reading, lang);
        if (value != null) {
          choices.addObject().put("label", label(reading, jobs, lang)).set("value", value);
        }
      }
      return Reply.card(cards.render("choices", model));
    });
  }

  private String label(Command reading, List<Job> jobs, Language lang) {
    if (reading instanceof Command.ShowCandidates c) {
      String job = jobs.stream().filter(j -> j.code().equals(c.jobQuery()) || j.title().equals(c.jobQuery()))
          .findFirst().map(j -> j.code().isEmpty() ? j.title() : j.title() + " (" + j.code() + ")")
          .orElse(c.jobQuery());
      return messages.get(lang, "clarify.job", job);
    }
    if (reading instanceof Command.ShowProfile p) {
      return messages.get(lang, "clarify.person", p.name());
    }
    return messages.get(lang, "clarify.other", io.hirebot.command.CommandPhrases.canonical(reading, lang));
  }

  /** A clicked reading runs as if typed by whoever clicked, in the chat the card is in; its answer replaces the card. */
  private Future<ActionResult> run(CommandRouter commands, CardAction action, Language lang) {
    var command = action.value() == null ? java.util.Optional.<Command>empty() : codec.read(action.value());
    if (command.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    // As typed in the chat the card is in, as the bot recorded it: never what the value says (a private chat's card
    // forwarded to a group still says "private"); a card the bot never recorded counts as a group's.
    return cardChats.kindOf(CardPlace.of(action)).otherwise(Optional.empty()).compose(kind -> {
      ChatRef.ChatType type = kind.orElse(ChatRef.ChatType.GROUP);
      IncomingMessage asTyped = new IncomingMessage(action.eventId(), null, new ChatRef(action.chatId(), type),
          action.operator(), "text", "", false, Instant.now());
      return commands.route(new ParseResult.Parsed(command.get(), lang),
          new CommandContext(asTyped, lang, action.chat()));
    })
        .map(reply -> reply instanceof Reply.Card card
            ? new ActionResult(Toast.NONE, card.card(), card.view())
            : ActionResult.of(Toast.verbatim(Toast.Type.INFO, ((Reply.Text) reply).text())))
        // Refused as typed (someone else's candidate, for an interviewer): refused as a click, in the same words.
        .recover(e -> e instanceof Refusal r && r.reply() instanceof Reply.Text text
            ? Future.succeededFuture(ActionResult.of(Toast.verbatim(Toast.Type.ERROR, text.text())))
            : Future.failedFuture(e));
  }
}
