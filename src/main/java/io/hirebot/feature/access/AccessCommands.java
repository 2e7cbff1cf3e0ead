package io.hirebot.feature.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.hirebot.access.GroupAccess;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandRouter;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.BotAddedToChat;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The admin commands of DESIGN §5: {@code enable} / {@code disable} hiring data in a group, {@code audit [N]}
 * in a private chat; and the welcome card a group gets when the bot is added, saying how to enable it.
 */
public final class AccessCommands {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final GroupAccess groups;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final Cards cards;
  private final Messages messages;
  private final ZoneId zone;
  private final Clock clock;
  private final Function<String, Future<Void>> onDisabled;

  /** @param onDisabled ends what would keep posting hiring data into a group once it is disabled */
  public AccessCommands(GroupAccess groups, AccessPolicy access, AuditLog audit, Cards cards, Messages messages,
      ZoneId zone, Clock clock, Function<String, Future<Void>> onDisabled) {
    this.groups = groups;
    this.access = access;
    this.audit = audit;
    this.cards = cards;
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
    this.onDisabled = onDisabled;
  }

  public CommandRouter registerWith(CommandRouter router) {
    return router
        .on(Command.Enable.class, (c, ctx) -> setEnabled(ctx, true))
        .on(Command.Disable.class, (c, ctx) -> setEnabled(ctx, false))
        .on(Command.Audit.class, this::showAudit);
  }

  public Future<Reply> welcome(BotAddedToChat added) {
    // Feishu does not say which language the group speaks; the welcome carries both.
    String text = messages.get(Language.ZH, "welcome.text") + "\n\n" + messages.get(Language.EN, "welcome.text");
    return Future.succeededFuture(notice(Language.ZH, messages.get(Language.ZH, "welcome.title")
        + " · " + messages.get(Language.EN, "welcome.title"), text, "turquoise"));
  }

  private Future<Reply> setEnabled(CommandContext ctx, boolean on) {
    Language lang = ctx.language();
    String user = ctx.message().sender() == null ? null : ctx.message().sender().openId();
    if (!ctx.message().chat().isGroup()) {
      return text(lang, "access.groupsOnly");
    }
    if (!access.isAdmin(user)) {
      record(ctx, user, on ? "enable" : "disable", "refused");
      return text(lang, "access.adminsOnly");
    }
    String chatId = ctx.message().chat().chatId();
    return groups.set(chatId, on, user).compose(v -> on ? Future.succeededFuture() : onDisabled.apply(chatId))
        .map(v -> {
      record(ctx, user, on ? "enable" : "disable", "ok");
      return notice(lang, "hirebot", messages.get(lang, on ? "access.enabled" : "access.disabled"),
          on ? "green" : "grey");
    });
  }

  private Future<Reply> showAudit(Command.Audit command, CommandContext ctx) {
    Language lang = ctx.language();
    java.util.Optional<Reply> refusal = AdminViews.refusal(access, messages, ctx, "access.privateOnly");
    if (refusal.isPresent()) {
      return Future.succeededFuture(refusal.get());
    }
    return audit.latest(command.limit()).map(entries -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, "audit.title", command.limit()));
      model.put("empty", entries.isEmpty()).put("emptyText", messages.get(lang, "audit.empty"));
      ArrayNode rows = model.putArray("rows");
      for (AuditEntry e : entries) {
        rows.add(Markdown.message(messages, lang, "audit.row", WHEN.format(e.at().atZone(zone)),
            Markdown.mention(e.actorOpenId()), e.action(),
            e.result(), e.logId().isEmpty() ? "" : " · " + e.logId()));
      }
      return Reply.card(cards.render("audit", model));
    });
  }

  private void record(CommandContext ctx, String user, String action, String result) {
    audit.record(AuditEntry.inChat(clock.instant(), user, ctx.message().chat().chatId(), action, "", result));
  }

  private Future<Reply> text(Language lang, String key) {
    return Future.succeededFuture(new Reply.Text(messages.get(lang, key)));
  }

  private Reply notice(Language lang, String title, String text, String color) {
    ObjectNode model = cards.model().put("title", title).put("text", text).put("color", color);
    return Reply.card(cards.render("notice", model));
  }
}
