package io.hirebot.feature.understanding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.ActionRouter;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.cards.Pager;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.Map;

/**
 * "page 2", "next page", "下一页", "last page" after a card with a pager ({@link Command.TurnPage}): the card's view at
 * that page, routed as a click on its pager by whoever typed it, in the chat they typed it in, so every paged card (a
 * profile, the jobs, offers, interviews or tasks) is paged by its own pager code and shows what the button would. And
 * "back" / "返回" after a card opened from a list ({@link Command.GoBack}): the list's view, routed as a click on the
 * card's Back button, which is that pager's sibling. The answer is a reply, as any command's, and so carries no toast:
 * a page past the last is said in words instead (but for "last page", which asks for the last whichever it is), and
 * what the button would have toasted without a card (the list is gone) is the reply's text.
 */
final class TypedPage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ActionRouter actions;
  private final Messages messages;

  TypedPage(ActionRouter actions, Messages messages) {
    this.actions = actions;
    this.messages = messages;
  }

  /** "page 2": the card's pager at that page. */
  Future<Reply> turn(Command.TurnPage turn, CommandContext context) {
    ObjectNode value = view(turn.card().view()).put(Pager.PAGE, turn.page());
    return click(value, context).map(result -> answer(turn, result, context.language()));
  }

  /** "back": the card's Back button, the list it was opened from. */
  Future<Reply> back(Command.GoBack back, CommandContext context) {
    return click(view(back.card().back()), context).map(result -> result.card() == null
        ? new Reply.Text(result.toast().text(context.language())) : Reply.card(result.card(), result.view()));
  }

  /**
   * {@code value} as a click by whoever typed, in the chat they typed in, answered in the language they typed. The
   * chat's kind goes with it: no card was clicked whose recorded kind would say it (a private chat's profile keeps its
   * contact data on the page asked for).
   */
  private Future<ActionResult> click(ObjectNode value, CommandContext context) {
    Language lang = context.language();
    IncomingMessage m = context.message();
    value.put("lang", lang.feishuLocale());
    CardAction click = new CardAction(m.eventId(), m.sender(), null, m.chat().chatId(), null, "button", value, null,
        Map.of(), null, m.chat().type(), context.chat());
    return actions.route(click, lang);
  }

  private Reply answer(Command.TurnPage turn, ActionResult result, Language lang) {
    if (result.card() == null) {
      return new Reply.Text(result.toast().text(lang));
    }
    int shown = result.view() == null ? turn.page() : result.view().path(Pager.PAGE).asInt(turn.page());
    if (turn.page() > shown && !turn.last()) {
      // A pager shows its last page for one past it and toasts that it was the last; a reply says so in words.
      return Reply.text(messages, lang, "paging.pastEnd", shown + 1, turn.page() + 1);
    }
    return Reply.card(result.card(), result.view());
  }

  /** A view the conversation kept: the bot's own JSON, so unreadable only through a bug of ours. */
  private static ObjectNode view(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("a card's view is no JSON object: " + json, e);
    }
  }
}
