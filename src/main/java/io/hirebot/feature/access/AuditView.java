package io.hirebot.feature.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditEntry;
import io.hirebot.access.AuditLog;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code audit [N]}: the latest audit entries, for admins in a private chat (DESIGN §5). */
final class AuditView {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final AccessPolicy access;
  private final AuditLog audit;
  private final Cards cards;
  private final Messages messages;
  private final ZoneId zone;

  AuditView(AccessPolicy access, AuditLog audit, Cards cards, Messages messages, ZoneId zone) {
    this.access = access;
    this.audit = audit;
    this.cards = cards;
    this.messages = messages;
    this.zone = zone;
  }

  Future<Reply> show(Command.Audit command, CommandContext ctx) {
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
}
