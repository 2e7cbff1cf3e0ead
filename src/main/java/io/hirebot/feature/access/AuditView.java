package io.hirebot.feature.access;

import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/** {@code audit [N]}: the latest audit entries, for admins in a private chat (DESIGN §5). */
final class AuditView {
  private static final AdminViews.Kind KIND =
      new AdminViews.Kind("audit", "audit.title", "audit.empty", "access.privateOnly",
          "cards.shown.audit");

  private final AdminViews views;
  private final AuditLog audit;
  private final Messages messages;

  AuditView(AdminViews views, AuditLog audit, Messages messages) {
    this.views = views;
    this.audit = audit;
    this.messages = messages;
  }

  Future<Reply> show(Command.Audit command, CommandContext ctx) {
    return views.show(ctx, KIND, command.limit(), () -> audit.latest(command.limit()), (rows, e, lang) ->
        rows.add(Markdown.message(messages, lang, "audit.row", views.when(e.at(), ctx, lang),
            Markdown.person(e.actorOpenId()),
            e.chatId() == null || e.chatId().isEmpty() ? messages.get(lang, "audit.chat.none") : e.chatId(),
            named(lang, "audit.action." + e.action(), e.action()), named(lang, "audit.result." + e.result(), e.result()),
            e.logId().isEmpty() ? "" : " · " + e.logId())));
  }

  /** The readable name under {@code key}, or {@code raw} for an entry written before it had one. */
  private String named(Language lang, String key, String raw) {
    return messages.has(lang, key) ? messages.get(lang, key) : raw;
  }
}
