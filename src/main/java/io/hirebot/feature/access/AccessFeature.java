package io.hirebot.feature.access;

import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditLog;
import io.hirebot.access.GroupAccess;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.i18n.Messages;
import java.time.Clock;

/**
 * Who may see hiring data where (DESIGN §5): admins enable and disable groups, read the audit log and the events
 * that failed every attempt; a group the bot joins is welcomed with how to enable it. Disabling a group stops
 * everything the other features keep for it ({@link FeatureRegistry#stopChat}).
 */
public final class AccessFeature implements Feature {
  private final GroupAccess groups;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final ProcessedEvents events;
  private final Cards cards;
  private final Messages messages;
  private final Clock clock;

  public AccessFeature(GroupAccess groups, AccessPolicy access, AuditLog audit, ProcessedEvents events, Cards cards,
      Messages messages, Clock clock) {
    this.groups = groups;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public void register(FeatureRegistry registry) {
    GroupSwitch groupSwitch = new GroupSwitch(groups, access, cards, messages, registry::stopChat);
    AdminViews adminViews = new AdminViews(access, cards, messages, clock);
    AuditView auditView = new AuditView(adminViews, audit, messages);
    FailedEventsView failed = new FailedEventsView(adminViews, events, messages);
    registry.command(Command.Enable.class, (c, ctx) -> groupSwitch.setEnabled(ctx, true))
        .command(Command.Disable.class, (c, ctx) -> groupSwitch.setEnabled(ctx, false))
        .command(Command.Audit.class, auditView::show)
        .command(Command.FailedEvents.class, failed::show)
        .botAdded(groupSwitch::welcome);
  }
}
