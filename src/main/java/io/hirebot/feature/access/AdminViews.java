package io.hirebot.feature.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Refusal;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.RowsShown;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Admin-only lists (the audit log, failed events): each answers only an admin, only in a private chat, with one card
 * of its latest rows (a title naming how many, or a line saying there are none), as many as fit one Feishu card.
 */
final class AdminViews {

  /**
   * One admin list: its card template, the i18n keys of its title ("latest {0}"), of its empty line, of its refusal in
   * a group and of where to see the rows a card too big for Feishu leaves out.
   */
  record Kind(String template, String titleKey, String emptyKey, String privateOnlyKey, String restKey) {}

  /** Adds the card row (or rows) of one item. */
  @FunctionalInterface
  interface Rows<T> {
    void add(ArrayNode rows, T item, Language lang);
  }

  private final AccessPolicy access;
  private final Cards cards;
  private final Messages messages;
  private final Clock clock;

  AdminViews(AccessPolicy access, Cards cards, Messages messages, Clock clock) {
    this.access = access;
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
  }

  /** The list's card, read only once the sender is known to be an admin in a private chat; otherwise the refusal. */
  <T> Future<Reply> show(CommandContext ctx, Kind kind, int limit, Supplier<Future<List<T>>> read, Rows<T> rows) {
    String user = ctx.message().senderId();
    Language lang = ctx.language();
    if (!access.isAdmin(user)) {
      return Refusal.of(messages, lang, "access.adminsOnly");
    }
    if (ctx.message().chat().isGroup()) {
      return Refusal.of(messages, lang, kind.privateOnlyKey());
    }
    // Long rows (a parked event's error is up to 2,000 characters) would pass 30 KB: the latest that fit are listed, in
    // the asker's language only (a private chat has one reader).
    return read.get().map(items -> Reply.card(cards.fitRows(kind.template(), items.size(), n -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, kind.titleKey(), limit));
      model.put("empty", items.isEmpty()).put("emptyText", messages.get(lang, kind.emptyKey()));
      ArrayNode list = model.putArray("rows");
      items.subList(0, n).forEach(item -> rows.add(list, item, lang));
      RowsShown.put(model, n, items.size(), messages.get(lang, kind.restKey()), messages, lang);
      return model;
    })));
  }

  /** A time as every card shows it, in the zone of the chat asking ({@link CommandContext#zone}). */
  String when(Instant at, CommandContext ctx, Language lang) {
    return DateTexts.dateTime(at, clock.instant().atZone(ctx.zone()), lang);
  }
}
