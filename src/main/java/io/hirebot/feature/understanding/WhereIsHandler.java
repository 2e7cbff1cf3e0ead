package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Job;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * "where is Carol Davis" / "张伟到哪一步了": the stage of each of the person's applications, as a small card with a
 * button to the profile. Hire's talent search finds the person; at most {@link #PEOPLE} people and
 * {@link #APPLICATIONS} applications each are read, so a common name costs a bounded number of calls.
 */
final class WhereIsHandler implements CommandHandler<Command.WhereIs> {
  static final int PEOPLE = 3;
  static final int APPLICATIONS = 5;

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
    return meter.run("where", hire -> hire.searchTalents(command.name()).compose(talents -> {
      if (talents.isEmpty()) {
        return Future.succeededFuture(new Reply.Text(messages.get(lang, "where.none", command.name())));
      }
      List<Talent> shown = talents.stream().limit(PEOPLE).toList();
      return hire.jobs().compose(jobs -> Future.all(shown.stream().map(t -> lines(hire, t, jobs, lang)).toList())
          .map(all -> Reply.card(card(command.name(), shown, all.list(), talents.size() - shown.size(),
              context.message().chat().type(), lang))));
    }));
  }

  /** One markdown line per application of the talent, latest first as Hire lists them. */
  private Future<String> lines(HireDirectory hire, Talent talent, List<Job> jobs, Language lang) {
    return hire.applicationIdsOfTalent(talent.id()).compose(ids -> {
      if (ids.isEmpty()) {
        return Future.succeededFuture(Markdown.message(messages, lang, "where.noApplications", talent.name()));
      }
      List<Future<Application>> reads = ids.stream().limit(APPLICATIONS).map(hire::application).toList();
      return Future.all(reads).map(all -> {
        List<String> lines = new ArrayList<>();
        for (Application a : all.<Application>list()) {
          String job = jobs.stream().filter(j -> j.id().equals(a.jobId())).findFirst().map(Job::title).orElse(a.jobId());
          String stage = a.stage() == null ? "" : a.stage().name(lang.feishuLocale());
          lines.add(Markdown.message(messages, lang, a.active() ? "where.line" : "where.ended", talent.name(), job,
              stage));
        }
        return String.join("\n", lines);
      });
    });
  }

  private ObjectNode card(String asked, List<Talent> talents, List<String> lines, int more, ChatRef.ChatType chatType,
      Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "where.title", asked));
    model.put("color", "blue");
    String text = String.join("\n", lines);
    model.put("text", more > 0 ? text + "\n" + messages.get(lang, "where.more", more) : text);
    ArrayNode choices = model.putArray("choices");
    for (Talent talent : talents) {
      ObjectNode value = codec.button(new Command.ShowProfile(talent.name()), lang, chatType);
      choices.addObject().put("label", messages.get(lang, "where.profile", talent.name())).set("value", value);
    }
    return cards.render("choices", model);
  }
}
