package io.hirebot.feature.access;

import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.i18n.Messages;
import java.util.Optional;

/** Admin-only views (the audit log, failed events) answer only an admin, and only in a private chat. */
final class AdminViews {
  private AdminViews() {}

  /** The refusal to send instead of the view, or empty when the sender may see it here. */
  static Optional<Reply> refusal(AccessPolicy access, Messages messages, CommandContext ctx, String privateOnlyKey) {
    String user = ctx.message().sender() == null ? null : ctx.message().sender().openId();
    if (!access.isAdmin(user)) {
      return Optional.of(new Reply.Text(messages.get(ctx.language(), "access.adminsOnly")));
    }
    if (ctx.message().chat().isGroup()) {
      return Optional.of(new Reply.Text(messages.get(ctx.language(), privateOnlyKey)));
    }
    return Optional.empty();
  }
}
