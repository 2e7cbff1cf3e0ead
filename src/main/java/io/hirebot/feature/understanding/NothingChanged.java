package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.TalentsByName;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/**
 * Answers a change said not to be made ("don't reject Carol Davis", "不要淘汰张伟"): nothing was changed, said in the
 * language of the sentence's words, with a Profile button per person of that name ({@link PersonButtons}: in a group,
 * the profile replies to this answer, which stays what the group reads); when no one has that name, says so instead,
 * with no button to a profile that does not exist. Reads only who has the name, as {@link TalentsByName} finds people.
 */
final class NothingChanged implements CommandHandler<Command.Negated> {
  private final HireMeter meter;
  private final Cards cards;
  private final Messages messages;

  NothingChanged(HireMeter meter, Cards cards, Messages messages) {
    this.meter = meter;
    this.cards = cards;
    this.messages = messages;
  }

  @Override
  public Future<Reply> handle(Command.Negated negated, CommandContext context) {
    Language lang = context.language();
    return meter.run("negated", hire -> TalentsByName.find(hire, negated.person(), false)).map(found -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, "negated.title"));
      model.put("color", "grey");
      ArrayNode choices = model.putArray("choices");
      if (found.people().isEmpty()) {
        model.put("text", Markdown.message(messages, lang, "negated.nobody", negated.person()));
      } else {
        model.put("text", Markdown.message(messages, lang, "negated.text", context.message().text().strip()));
        PersonButtons.add(choices, found.people(), "negated.profile", cards, messages, lang);
      }
      return Reply.card(cards.render("choices", model));
    });
  }
}
