package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/**
 * Answers a change said not to be made ("don't reject Carol Davis", "不要淘汰张伟"): nothing was changed, said in the
 * language of the sentence's words, with a button that opens the person's profile (run as typed in the chat the card
 * is in, through the same gate as any click). Reads nothing from Hire.
 */
final class NothingChanged implements CommandHandler<Command.Negated> {
  private final Cards cards;
  private final Messages messages;
  private final CommandCodec codec;

  NothingChanged(Cards cards, Messages messages, CommandCodec codec) {
    this.cards = cards;
    this.messages = messages;
    this.codec = codec;
  }

  @Override
  public Future<Reply> handle(Command.Negated negated, CommandContext context) {
    Language lang = context.language();
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "negated.title"));
    model.put("color", "grey");
    model.put("text", Markdown.message(messages, lang, "negated.text", context.message().text().strip()));
    model.putArray("choices").addObject().put("label", messages.get(lang, "negated.profile", negated.person()))
        .set("value", codec.button(new Command.ShowProfile(negated.person()), lang));
    return Future.succeededFuture(Reply.card(cards.render("choices", model)));
  }
}
