package io.hirebot.testing;

import io.hirebot.bot.Feature;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.command.Command;
import io.hirebot.feature.candidates.CandidatesActions;
import io.hirebot.feature.candidates.CandidatesCard;
import io.hirebot.feature.candidates.ShowCandidatesHandler;
import io.hirebot.feature.help.HelpHandler;
import io.hirebot.feature.interviews.InterviewsFeature;
import io.hirebot.feature.jobs.JobsCard;
import io.hirebot.feature.jobs.ListJobsHandler;
import io.hirebot.feature.offers.OffersFeature;
import io.hirebot.feature.pipeline.PipelineFeature;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.StageMatcher;

/**
 * The app's features, built for a {@link FeatureHarness} from the same public classes {@code app/Wiring} uses, with
 * the harness's fakes as the shared services. The only place tests construct features: when a feature is renamed or
 * its constructor moves, this class is the one to change.
 */
public final class TestFeatures {
  private TestFeatures() {}

  public static Feature help(FeatureHarness h) {
    HelpHandler help = new HelpHandler(h.cards, h.messages);
    return r -> r.command(Command.Help.class, help);
  }

  public static Feature jobs(FeatureHarness h) {
    ListJobsHandler jobs = new ListJobsHandler(h.meter, new JobsCard(h.cards, h.messages), h.messages);
    return r -> r.command(Command.ListJobs.class, jobs).action(JobsCard.PAGE, jobs::page);
  }

  public static Feature candidates(FeatureHarness h) {
    CandidatesCard card = new CandidatesCard(h.cards, h.messages, h.clock, h.dates);
    ShowCandidatesHandler show = new ShowCandidatesHandler(h.meter, new StageMatcher(), card, jobChoices(h),
        h.messages, h.clock, FeatureHarness.ZONE);
    CandidatesActions pages = new CandidatesActions(h.meter, card, h.messages);
    return r -> r.command(Command.ShowCandidates.class, show)
        .action(CandidatesActions.SHOW, pages::showPage)
        .action(CandidatesActions.PAGE, pages::showPage);
  }

  public static Feature pipeline(FeatureHarness h) {
    PipelineFeature pipeline = new PipelineFeature(h.meter, jobChoices(h), h.cards, h.messages, h.clock);
    return r -> r.command(Command.ShowPipeline.class, pipeline).action(PipelineFeature.SHOW, pipeline::show);
  }

  public static Feature interviews(FeatureHarness h) {
    InterviewsFeature interviews = new InterviewsFeature(h.meter, h.cards, h.messages, h.dates, h.clock);
    return r -> r.command(Command.ListInterviews.class, interviews).action(InterviewsFeature.PAGE, interviews::page);
  }

  public static Feature offers(FeatureHarness h) {
    OffersFeature offers = new OffersFeature(h.meter, jobChoices(h), h.cards, h.messages);
    return r -> r.command(Command.ListOffers.class, offers)
        .action(OffersFeature.PAGE, offers::page)
        .action(OffersFeature.SHOW, offers::page);
  }

  private static JobChoiceCard jobChoices(FeatureHarness h) {
    return new JobChoiceCard(h.cards, h.messages, new JobMatcher());
  }
}
