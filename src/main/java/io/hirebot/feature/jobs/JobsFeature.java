package io.hirebot.feature.jobs;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.cards.Cards;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.command.Command.ListJobs;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireMeter;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/** "jobs [keyword]" and its pager: the open jobs with counts per stage kind and a button to their candidates. */
public final class JobsFeature implements Feature, CommandHandler<ListJobs> {
  private final HireMeter meter;
  private final JobsCard card;
  private final Messages messages;

  public JobsFeature(HireMeter meter, Cards cards, Messages messages) {
    this.meter = meter;
    this.card = new JobsCard(cards, messages);
    this.messages = messages;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(ListJobs.class, this).action(JobsCard.PAGE, this::page);
  }

  @Override
  public Future<Reply> handle(ListJobs command, CommandContext context) {
    String keyword = command.keyword() == null ? "" : command.keyword().strip();
    Language lang = context.language();
    return meter.run("jobs", hire -> card.render(hire, keyword, 0, lang))
        .map(shown -> Reply.card(shown.card(), card.view(keyword, shown.page(), lang)));
  }

  /** Next / previous page of the jobs card. */
  Future<ActionResult> page(CardAction action, Language lang) {
    int page = Math.max(0, action.value().path("page").asInt(0));
    String keyword = action.value().path("keyword").asText("");
    return meter.run(JobsCard.PAGE, hire -> card.render(hire, keyword, page, lang))
        .map(shown -> new ActionResult(Toast.page(messages, page, shown.page()), shown.card(),
            card.view(keyword, shown.page(), lang)));
  }
}
