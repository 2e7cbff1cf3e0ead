package io.hirebot.app;

import io.hirebot.bot.Feature;
import io.hirebot.feature.access.AccessFeature;
import io.hirebot.feature.actions.ActionsFeature;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.feature.digest.DigestFeature;
import io.hirebot.feature.help.HelpFeature;
import io.hirebot.feature.interviews.InterviewsFeature;
import io.hirebot.feature.jobs.JobsFeature;
import io.hirebot.feature.offers.OffersFeature;
import io.hirebot.feature.onboarding.OnboardingFeature;
import io.hirebot.feature.pipeline.PipelineFeature;
import io.hirebot.feature.profile.ProfileFeature;
import io.hirebot.feature.reminders.RemindersFeature;
import io.hirebot.feature.subscriptions.SubscriptionsFeature;
import io.hirebot.feature.tasks.TasksFeature;
import io.hirebot.feature.understanding.UnderstandingFeature;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.StageEntries;
import io.hirebot.hire.TaskBoard;
import io.hirebot.store.JdbcOwnChanges;
import java.util.List;

/**
 * Everything the bot does, one line per feature (TJ-Bot's {@code Features.createFeatures}). A new feature is a
 * package under {@code feature/} with one class implementing {@link Feature}, and one line here.
 */
final class Features {
  private Features() {}

  static List<Feature> create(Services s) {
    // The two features other features lean on (through bot-level ports, never by import): the profile card, and
    // where the bot's cards are (with whether a chat follows a job, which the candidates card shows).
    // The changes made through the bot, who made them (Hire's history does not say) and the chats they were made
    // from: kept by the candidates feature's changes, shown by the profile's history, matched to Hire's events by the
    // subscriptions feature (whose notifications skip those chats and name who moved whom).
    JdbcOwnChanges moves = new JdbcOwnChanges(s.db(), s.clock());
    ProfileFeature profile = new ProfileFeature(s.meter(), s.cards(), s.messages(), s.dates(), s.clock(), s.access(),
        s.hiringData(), s.messenger(), s.cardRegistry(), s.actionOnce(), moves);
    // Application details kept between routine passes, shared by the digest and the new-application poll, so an
    // application one of them read is only checked for changes by the other.
    KnownApplications known = new KnownApplications(s.hire(), s.clock());
    // Everyone's Hire tasks, read once per scheduler pass for the task nudges and the digests alike.
    TaskBoard tasks = new TaskBoard(s.hire());
    // The pipeline card and the digest read the bot's changes back, so that their days in a stage survive an Undo as
    // the candidate rows' do (the candidates feature reads them through the same StageEntries); the digest in bulk.
    DigestFeature digest = new DigestFeature(s.hire(), s.jobQueries(), s.bulkMessenger(), s.digests(), s.settings(),
        s.subscriptions(), s.cards(), s.messages(), s.metrics(), s.clock(), s.config().timezone(), tasks,
        s.config().reminders().taskNudgeAfter(), known, new StageEntries(moves::ofInBulk));
    // A chat's subscriptions list shows its digest too, through the digest feature's port.
    SubscriptionsFeature subscriptions = new SubscriptionsFeature(s.hire(), s.jobQueries(), s.bulkMessenger(),
        s.hiringData(), s.settings(), s.subscriptions(), s.cardRegistry(), s.db(), s.cards(), s.messages(), s.views(),
        s.clock(), s.config().timezone(), s.config().pollInterval(), known, digest.chatDigests(), moves, s.vertx());
    return List.of(
        new HelpFeature(s.cards(), s.messages()),
        new AccessFeature(s.groupAccess(), s.access(), s.audit(), s.processedEvents(), s.cards(), s.messages(),
            s.clock()),
        new JobsFeature(s.meter(), s.cards(), s.messages()),
        new CandidatesFeature(s.hire(), s.meter(), profile, s.messenger(), subscriptions.sentCards(),
            subscriptions.chatFollows(), subscriptions.movesFromChats(), moves, s.access(), s.actionOnce(), s.turns(), s.audit(),
            s.errors(), s.jobChoices(), s.cards(),
            s.messages(), s.clock()),
        profile,
        new PipelineFeature(s.meter(), s.jobChoices(), s.cards(), s.messages(), s.clock(), new StageEntries(moves::of)),
        new InterviewsFeature(s.meter(), s.cards(), s.messages(), s.clock()),
        new OffersFeature(s.meter(), s.jobChoices(), s.cards(), s.messages(), s.clock()),
        new OnboardingFeature(s.meter(), s.cards(), s.messages(), s.clock()),
        subscriptions,
        digest,
        new RemindersFeature(s.hire(), s.bulkMessenger(), s.db(), s.cards(), s.messages(), s.config().reminders(),
            s.config().timezone(), s.clock()),
        new TasksFeature(s.meter(), s.hire(), tasks, s.messenger(), s.bulkMessenger(), s.db(), s.cards(), s.messages(),
            s.clock(), s.config().reminders().taskNudgeAfter(), s.config().timezone()),
        new UnderstandingFeature(s.hire(), s.meter(), s.cards(), s.messages(), s.config().contextWindow(),
            s.cardRegistry()),
        new ActionsFeature(s.meter(), s.access(), s.cards(), s.messages(), s.clock()));
  }
}
