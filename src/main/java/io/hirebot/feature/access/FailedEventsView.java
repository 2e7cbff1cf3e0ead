package io.hirebot.feature.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code failed events} / {@code 失败事件}: shows admins, in a private chat, the events that failed every attempt
 * and were parked (key, when, attempts, last error), so a poison event is seen rather than silently dropped.
 */
final class FailedEventsView {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final AccessPolicy access;
  private final ProcessedEvents events;
  private final Cards cards;
  private final Messages messages;
  private final ZoneId zone;

  FailedEventsView(AccessPolicy access, ProcessedEvents events, Cards cards, Messages messages, ZoneId zone) {
    this.access = access;
    this.events = events;
    this.cards = cards;
    this.messages = messages;
    this.zone = zone;
  }

  Future<Reply> show(Command.FailedEvents command, CommandContext ctx) {
    Optional<Reply> refusal = AdminViews.refusal(access, messages, ctx, "failedEvents.privateOnly");
    if (refusal.isPresent()) {
      return Future.succeededFuture(refusal.get());
    }
    Language lang = ctx.language();
    return events.parked(Command.FailedEvents.LIMIT).map(parked -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, "failedEvents.title", Command.FailedEvents.LIMIT));
      model.put("empty", parked.isEmpty()).put("emptyText", messages.get(lang, "failedEvents.empty"));
      ArrayNode rows = model.putArray("rows");
      for (ProcessedEvents.Parked p : parked) {
        rows.addObject()
            .put("summary", messages.get(lang, "failedEvents.row", WHEN.format(p.failedAt().atZone(zone)), p.key(),
                p.attempts(), WHEN.format(p.receivedAt().atZone(zone))))
            .put("error", p.error() == null ? "" : p.error());
      }
      return Reply.card(cards.render("failed-events", model));
    });
  }
}
