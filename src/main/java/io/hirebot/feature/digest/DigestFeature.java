package io.hirebot.feature.digest;

import io.hirebot.bot.ChatDigests;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.JobQueries;
import io.hirebot.bot.Messenger;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageEntries;
import io.hirebot.hire.TaskBoard;
import io.hirebot.i18n.Messages;
import io.hirebot.store.ChatSettingsStore;
import io.hirebot.store.DigestStore;
import io.hirebot.store.SubscriptionStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The daily or weekly digest of a chat's jobs: "digest daily|weekly at …", "digest off", "digest now", the chat's
 * time zone, and the routine that sends each digest once across replicas.
 */
public final class DigestFeature implements Feature {
  private final DigestStore store;
  private final DigestCommands commands;
  private final DigestRoutine routine;

  /**
   * @param messenger the bulk messenger: digests queue behind users' answers
   * @param entries when each application entered its stage as the team saw it, for who is stuck
   */
  public DigestFeature(HireDirectory hire, JobQueries jobQueries, Messenger messenger, DigestStore store,
      ChatSettingsStore settings, SubscriptionStore subscriptions, Cards cards, Messages messages,
      MeterRegistry metrics, Clock clock, ZoneId zone, TaskBoard tasks, java.time.Duration overdueAfter,
      KnownApplications known, StageEntries entries) {
    this.store = store;
    DigestComposer composer = new DigestComposer(hire, new PipelineReader(hire, clock), subscriptions,
        new DigestCard(cards, messages), tasks, overdueAfter, known, entries);
    this.commands = new DigestCommands(store, settings, composer, jobQueries, messages, clock, zone);
    // Each replica claims slots under its own name, so a log shows which one sent a digest.
    this.routine = new DigestRoutine(store, composer, messenger, zone, UUID.randomUUID().toString(), metrics);
  }

  /** The chat's digest in words, for the features that show it (the chat's subscriptions list). */
  public ChatDigests chatDigests() {
    return commands::describe;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Command.ScheduleDigest.class, commands::schedule)
        .command(Command.DigestOff.class, commands::off)
        .command(Command.DigestNow.class, commands::now)
        .command(Command.SetTimezone.class, commands::timezone)
        .routine(routine)
        // A group that is no longer enabled must not keep receiving hiring data.
        .chatStopped(store::remove);
  }
}
