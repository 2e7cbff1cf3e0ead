package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Answers a follow-up that has nothing to follow ("only the ones in interview", "her profile" with no card shown
 * lately, or shown on another replica; "next page" when the last card has no pages): "Which job?" with a button per open
 * job that runs what the follow-up meant for that job, or "Which person?" with how to name one. Never silence, never a
 * guess.
 */
final class FollowUpQuestion implements CommandHandler<Command.AskWhich> {
  /** Buttons on the question; more jobs are reached by typing the whole command, as the hint says. */
  static final int MAX_JOBS = 8;

  private final HireDirectory hire;
  private final Cards cards;
  private final Messages messages;
  private final CommandCodec codec;
  private final long windowMinutes;

  FollowUpQuestion(HireDirectory hire, Cards cards, Messages messages, CommandCodec codec, Duration window) {
    this.hire = hire;
    this.cards = cards;
    this.messages = messages;
    this.codec = codec;
    this.windowMinutes = window.toMinutes();
  }

  @Override
  public Future<Reply> handle(Command.AskWhich ask, CommandContext context) {
    Language lang = context.language();
    String asked = context.message().text();
    if (ask.subject() == Command.AskWhich.Subject.PERSON) {
      return Future.succeededFuture(Reply.card(card("followup.person", "followup.person.text", asked,
          cards.mapper().createArrayNode(), lang)));
    }
    return hire.jobs().map(jobs -> {
      ArrayNode choices = cards.mapper().createArrayNode();
      for (Job job : jobs.stream().filter(Job::open).limit(MAX_JOBS).toList()) {
        ObjectNode value = codec.button(ask.forJob(job.code().isEmpty() ? job.title() : job.code()), lang);
        if (value != null) {
          String label = job.code().isEmpty() ? job.title() : messages.get(lang, "followup.label", job.title(),
              job.code());
          choices.addObject().put("label", label).set("value", value);
        }
      }
      // "next page" with no card to page says so (a list was perhaps shown, but no longer last); the rest lacked a list.
      String text = ask.subject() == Command.AskWhich.Subject.PAGE ? "followup.page.text" : "followup.job.text";
      return Reply.card(card("followup.job", text, asked, choices, lang));
    });
  }

  /** @param key the question's title and hint; {@code textKey} what it says lacked */
  private ObjectNode card(String key, String textKey, String asked, ArrayNode choices, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, key + ".title"));
    model.put("color", "wathet");
    model.put("text", Markdown.message(messages, lang, textKey, asked, windowMinutes));
    model.put("hint", messages.get(lang, key + ".hint"));
    model.set("choices", choices);
    return cards.render("choices", model);
  }
}
