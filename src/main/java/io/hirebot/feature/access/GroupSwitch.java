package io.hirebot.feature.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.GroupAccess;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Refusal;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * The admin commands of DESIGN §5 that switch hiring data in a group on and off ({@code enable} / {@code disable}),
 * and the welcome card a group gets when the bot is added, saying how to enable it.
 */
final class GroupSwitch {

  private final GroupAccess groups;
  private final AccessPolicy access;
  private final Cards cards;
  private final Messages messages;
  private final Function<String, Future<Void>> onDisabled;

  /** @param onDisabled ends what would keep posting hiring data into a group once it is disabled */
  GroupSwitch(GroupAccess groups, AccessPolicy access, Cards cards, Messages messages,
      Function<String, Future<Void>> onDisabled) {
    this.groups = groups;
    this.access = access;
    this.cards = cards;
    this.messages = messages;
    this.onDisabled = onDisabled;
  }

  Future<Reply> welcome(BotAddedToChat added) {
    // Feishu does not say which language the group speaks; the welcome carries both.
    String text = messages.get(Language.ZH, "welcome.text") + "\n\n" + messages.get(Language.EN, "welcome.text");
    return Future.succeededFuture(notice(Language.ZH, messages.get(Language.ZH, "welcome.title")
        + " · " + messages.get(Language.EN, "welcome.title"), text, "turquoise"));
  }

  Future<Reply> setEnabled(CommandContext ctx, boolean on) {
    Language lang = ctx.language();
    String user = ctx.message().senderId();
    if (!ctx.message().chat().isGroup()) {
      return text(lang, "access.groupsOnly");
    }
    if (!access.isAdmin(user)) {
      return Refusal.of(messages, lang, "access.adminsOnly");
    }
    String chatId = ctx.message().chat().chatId();
    return groups.set(chatId, on, user).compose(v -> on ? Future.succeededFuture() : onDisabled.apply(chatId))
        .map(v -> {
      return notice(lang, "hirebot", messages.get(lang, on ? "access.enabled" : "access.disabled"),
          on ? "green" : "grey");
    });
  }


  private Future<Reply> text(Language lang, String key) {
    return Future.succeededFuture(Reply.text(messages, lang, key));
  }

  private Reply notice(Language lang, String title, String text, String color) {
    ObjectNode model = cards.model().put("title", title).put("text", text).put("color", color);
    return Reply.card(cards.render("notice", model));
  }
}
