package io.hirebot.testing;

import io.hirebot.access.GroupAccess;
import io.hirebot.access.HiringDataRule;
import io.hirebot.bot.Feature;
import io.hirebot.feature.candidates.CandidatesFeature;
import io.hirebot.feature.help.HelpFeature;
import io.hirebot.feature.interviews.InterviewsFeature;
import io.hirebot.feature.jobs.JobsFeature;
import io.hirebot.feature.understanding.UnderstandingFeature;
import io.hirebot.feature.offers.OffersFeature;
import io.hirebot.feature.onboarding.OnboardingFeature;
import io.hirebot.feature.pipeline.PipelineFeature;
import io.hirebot.feature.profile.ProfileFeature;
import io.hirebot.hire.StageEntries;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The app's features, built for a {@link FeatureHarness} with the same constructors {@code app/Features} calls, the
 * harness's fakes standing in for the shared services. The only place tests construct features: when a feature's
 * constructor moves, this class is the one to change. Use as {@code FeatureHarness.start().with(TestFeatures::jobs)}.
 */
public final class TestFeatures {
  private TestFeatures() {}

  public static Feature help(FeatureHarness h) {
    return new HelpFeature(h.cards, h.messages);
  }

  /** "where is", "did you mean…?", and the questions a follow-up with nothing to follow gets. */
  public static Feature understanding(FeatureHarness h) {
    return new UnderstandingFeature(h.cachedHire, h.meter, h.cards, h.messages, FeatureHarness.CONTEXT_WINDOW,
        h.sentCards::chatType);
  }

  public static Feature jobs(FeatureHarness h) {
    return new JobsFeature(h.meter, h.cards, h.messages);
  }

  public static Feature profile(FeatureHarness h) {
    return profileFeature(h);
  }

  /** Candidates with its row buttons; a profile opened from a row is the profile feature's card, as in the app. */
  public static Feature candidates(FeatureHarness h) {
    return new CandidatesFeature(h.cachedHire, h.meter, profileFeature(h), h.messenger, h.sentCards, h.chatFollows,
        h.moves, h.ownChanges, h.access, h.actionOnce, h.turns(), h.audit, h.errors, h.jobChoices, h.cards, h.messages, h.clock);
  }

  /** Actions typed in words, whose Confirm runs the candidate-row actions: register with {@link #candidates}. */
  public static Feature typedActions(FeatureHarness h) {
    return new io.hirebot.feature.actions.ActionsFeature(h.meter, h.access, h.cards, h.messages, h.clock);
  }

  public static Feature pipeline(FeatureHarness h) {
    return new PipelineFeature(h.meter, h.jobChoices, h.cards, h.messages, h.clock,
        new StageEntries(h.ownChanges::of));
  }

  public static Feature onboarding(FeatureHarness h) {
    return new OnboardingFeature(h.meter, h.cards, h.messages, h.clock);
  }

  public static Feature interviews(FeatureHarness h) {
    return new InterviewsFeature(h.meter, h.cards, h.messages, h.clock);
  }

  public static Feature offers(FeatureHarness h) {
    return new OffersFeature(h.meter, h.jobChoices, h.cards, h.messages, h.clock);
  }

  /**
   * "my tasks" and its pager. The harness runs no routine, so the nudges' ledger (a database in the app) is never asked
   * and there is none.
   */
  public static Feature tasks(FeatureHarness h) {
    return new io.hirebot.feature.tasks.TasksFeature(h.meter, h.cachedHire, new io.hirebot.hire.TaskBoard(h.cachedHire),
        h.messenger, h.messenger, null, h.cards, h.messages, h.clock, Duration.ofDays(2), FeatureHarness.ZONE);
  }

  private static ProfileFeature profileFeature(FeatureHarness h) {
    return new ProfileFeature(h.meter, h.cards, h.messages, h.dates, h.clock, h.access,
        new HiringDataRule(EVERY_GROUP_ENABLED, h.access), h.messenger, h.sentCards::chatType, h.actionOnce,
        h.ownChanges);
  }

  /** The harness runs no hiring-data gate: its groups are as if an admin had enabled every one. */
  private static final GroupAccess EVERY_GROUP_ENABLED = new GroupAccess() {
    @Override
    public Future<Boolean> enabled(String chatId) {
      return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> set(String chatId, boolean enabled, String byOpenId) {
      throw new UnsupportedOperationException("the harness's groups are all enabled");
    }
  };
}
