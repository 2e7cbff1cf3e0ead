package io.hirebot.feature.access;

import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.command.Command;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/**
 * {@code failed events} / {@code 失败事件}: shows admins, in a private chat, the events that failed every attempt
 * and were parked (key, when, attempts, last error), so a poison event is seen rather than silently dropped.
 */
final class FailedEventsView {
  private static final AdminViews.Kind KIND =
      new AdminViews.Kind("failed-events", "failedEvents.title", "failedEvents.empty", "failedEvents.privateOnly",
          "cards.shown.failedEvents");

  private final AdminViews views;
  private final ProcessedEvents events;
  private final Messages messages;

  FailedEventsView(AdminViews views, ProcessedEvents events, Messages messages) {
    this.views = views;
    this.events = events;
    this.messages = messages;
  }

  Future<Reply> show(Command.FailedEvents command, CommandContext ctx) {
    return views.show(ctx, KIND, Command.FailedEvents.LIMIT, () -> events.parked(Command.FailedEvents.LIMIT),
        (rows, p, lang) -> rows.addObject()
            .put("summary", messages.get(lang, "failedEvents.row", views.when(p.failedAt(), ctx, lang), p.key(),
                p.attempts(), views.when(p.receivedAt(), ctx, lang)))
            .put("error", p.error() == null ? "" : p.error()));
  }
}
