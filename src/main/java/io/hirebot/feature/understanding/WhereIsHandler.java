package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.TalentsByName;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * "where is Carol Davis" / "张伟到哪一步了": the stage of each of the person's applications, as a small card with a
 * Profile button per person (opened as every card's Profile opens). The people are read as {@link TalentsByName} reads
 * them (bounded per name).
 */
final class WhereIsHandler implements CommandHandler<Command.WhereIs> {
  private final HireMeter meter;
  private final Cards cards;
  private final Messages messages;
  private final CommandCodec codec;

  WhereIsHandler(HireMeter meter, Cards cards, Messages messages, CommandCodec codec) {
    this.meter = meter;
    this.cards = cards;
    this.messages = messages;
    this.codec = codec;
  }

  @Override
  public Future<Reply> handle(Command.WhereIs command, CommandContext context) {
    Language lang = context.language();
    return meter.run("where", hire -> TalentsByName.find(hire, command.name(), false).map(found -> {
      if (found.people().isEmpty()) {
        return Reply.text(messages, lang, "where.none", command.name());
      }
      // Its view asks again (a profile opened from it in a private chat leads back to it, drawn anew).
      return Reply.card(card(command.name(), found.people(), found.people().stream().map(p -> lines(p, lang))
          .toList(), found.unread(), lang), codec.button(command, lang));
    }));
  }

  /** One markdown line per application of the person, latest first as Hire lists them. */
  private String lines(TalentsByName.Person person, Language lang) {
    String name = Names.of(person.talent().name());
    if (person.applications().isEmpty()) {
      return Markdown.message(messages, lang, "where.noApplications", name);
    }
    List<String> lines = new ArrayList<>();
    for (TalentsByName.Applied applied : person.applications()) {
      Application a = applied.application();
      String stage = a.stage() == null ? "" : StageWords.name(messages, lang, a.stage());
      lines.add(Markdown.message(messages, lang, a.active() ? "where.line" : "where.ended", name, Names.of(applied.jobTitle()),
          stage));
    }
    return String.join("\n", lines);
  }

  private ObjectNode card(String asked, List<TalentsByName.Person> people, List<String> lines, int more,
      Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "where.title", asked));
    model.put("color", "blue");
    String text = String.join("\n", lines);
    model.put("text", more > 0 ? text + "\n" + messages.get(lang, "where.more", more) : text);
    PersonButtons.add(model.putArray("choices"), people, "where.profile", cards, messages, lang);
    return cards.render("choices", model);
  }
}
