package io.hirebot.feature.candidates;

import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.command.Command.ShowCandidates;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.JobMatch;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.PipelineReader;
import io.vertx.core.Future;

/** "show candidates for job X": resolves the job, then answers with its first page of candidates. */
public final class ShowCandidatesHandler implements CommandHandler<ShowCandidates> {
  /** Ten rows keep the card readable on a phone and far inside Feishu's 200-component limit. */
  public static final int PAGE_SIZE = 10;

  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final JobMatcher matcher;
  private final CandidatesCard card;
  private final JobChoiceCard choices;

  public ShowCandidatesHandler(HireDirectory hire, PipelineReader pipeline, JobMatcher matcher,
      CandidatesCard card, JobChoiceCard choices) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.matcher = matcher;
    this.card = card;
    this.choices = choices;
  }

  @Override
  public Future<Reply> handle(ShowCandidates command, CommandContext context) {
    var lang = context.language();
    pipeline.prefetch();
    return hire.jobs().compose(jobs -> {
      JobMatch match = matcher.match(command.jobQuery(), jobs);
      if (match instanceof JobMatch.One one) {
        return pipeline.read(one.job(), 0, PAGE_SIZE).map(page -> Reply.card(card.render(page, lang)));
      }
      if (match instanceof JobMatch.Several several) {
        return Future.succeededFuture(Reply.card(choices.picker(command.jobQuery(), several.jobs(), lang)));
      }
      return Future.succeededFuture(
          Reply.card(choices.notFound(command.jobQuery(), ((JobMatch.None) match).closest(), lang)));
    });
  }
}
