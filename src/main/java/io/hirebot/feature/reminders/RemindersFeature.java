package io.hirebot.feature.reminders;

import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Messenger;
import io.hirebot.cards.Cards;
import io.hirebot.config.BotConfig;
import io.hirebot.hire.HireDirectory;
import io.hirebot.i18n.Messages;
import io.hirebot.store.Database;
import io.hirebot.store.ReminderLedger;
import java.time.Clock;
import java.time.ZoneId;

/** Interviewers are reminded before an interview and nudged for missing feedback; late feedback is escalated. */
public final class RemindersFeature implements Feature {
  private final InterviewReminders reminders;

  /** @param messenger the bulk messenger: reminders queue behind users' answers */
  public RemindersFeature(HireDirectory hire, Messenger messenger, Database db, Cards cards, Messages messages,
      BotConfig.Reminders settings, ZoneId zone, Clock clock) {
    this.reminders = new InterviewReminders(hire, messenger, new ReminderLedger(db, clock), cards, messages, settings,
        zone, clock);
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.routine(reminders);
  }
}
