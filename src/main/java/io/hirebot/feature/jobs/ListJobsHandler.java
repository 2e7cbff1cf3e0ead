package io.hirebot.feature.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command.ListJobs;
import io.hirebot.command.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatcher;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.List;

/** "jobs [keyword]": the open jobs, each with a button that shows its candidates. */
public final class ListJobsHandler implements CommandHandler<ListJobs> {
  /** Two components per job; twenty jobs stay readable and far inside the card limits. */
  static final int MAX_JOBS = 20;

  private final HireDirectory hire;
  private final Cards cards;
  private final Messages messages;

  public ListJobsHandler(HireDirectory hire, Cards cards, Messages messages) {
    this.hire = hire;
    this.cards = cards;
    this.messages = messages;
  }

  @Override
  public Future<Reply> handle(ListJobs command, CommandContext context) {
    Language lang = context.language();
    String keyword = command.keyword() == null ? "" : command.keyword().strip();
    return hire.jobs().map(all -> {
      List<Job> open = all.stream().filter(Job::open)
          .filter(j -> keyword.isEmpty() || JobMatcher.mentions(j, keyword)).toList();
      ObjectNode model = cards.model();
      model.set("t", cards.mapper().valueToTree(messages.all(lang)));
      model.put("title", messages.get(lang, "jobs.title"));
      model.put("subtitle", keyword.isEmpty() ? messages.get(lang, "jobs.subtitle", open.size())
          : messages.get(lang, "jobs.subtitle.keyword", open.size(), keyword));
      model.put("empty", open.isEmpty());
      model.put("emptyText", messages.get(lang, "jobs.empty"));
      ArrayNode jobs = model.putArray("jobs");
      for (Job job : open.subList(0, Math.min(MAX_JOBS, open.size()))) {
        ObjectNode item = jobs.addObject();
        item.put("line", messages.get(lang, "jobs.row", job.title(), job.code()));
        ObjectNode value = item.putObject("value");
        value.put("action", "candidates.show");
        value.put("job_id", job.id());
        value.put("page", 0);
        value.put("lang", lang.feishuLocale());
      }
      model.put("more", open.size() > MAX_JOBS ? messages.get(lang, "jobs.more", open.size() - MAX_JOBS) : "");
      return Reply.card(cards.render("jobs", model));
    });
  }
}
