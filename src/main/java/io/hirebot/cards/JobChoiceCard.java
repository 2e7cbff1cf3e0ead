package io.hirebot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatch;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * The two cards a job query may need before it can answer: "which of these?" and "no such job". Their
 * buttons carry the action of the command that asked ({@code candidates.show}, {@code pipeline.show}, …).
 * It only renders: the lookup in Hire is {@link io.hirebot.hire.JobMatcher#lookUp}'s.
 */
public final class JobChoiceCard {
  private final Cards cards;
  private final Messages messages;

  public JobChoiceCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /**
   * Answers with {@code onJob} when the match is one job, else with the picker or the not-found card.
   *
   * @param action the callback action of the job buttons
   */
  public <T> Future<T> resolve(JobMatch match, String query, String action, Language lang,
      Function<Job, Future<T>> onJob, Function<ObjectNode, T> asAnswer) {
    if (match instanceof JobMatch.One one) {
      return onJob.apply(one.job());
    }
    if (match instanceof JobMatch.Several several) {
      return Future.succeededFuture(asAnswer.apply(picker(query, several.jobs(), action, lang)));
    }
    return Future.succeededFuture(asAnswer.apply(notFound(query, (JobMatch.None) match, action, lang)));
  }

  /** Several jobs match: one button per job. */
  public ObjectNode picker(String query, List<Job> jobs, String action, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "jobpicker.title"));
    model.put("text", Markdown.message(messages, lang, "jobpicker.text", query));
    model.set("jobs", buttons(jobs, action, lang));
    return cards.render("job-picker", model);
  }

  /** Nothing matches: say so, offer the closest jobs (or, with none close, some open ones) as buttons. */
  public ObjectNode notFound(String query, JobMatch.None none, String action, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "jobnotfound.title", query));
    String text = Markdown.message(messages, lang, "jobnotfound.text", query) + "\n" + messages.get(lang,
        none.offered().isEmpty() ? "jobnotfound.none" : none.near() ? "jobnotfound.closest" : "jobnotfound.open");
    model.put("text", text);
    model.put("hint", messages.get(lang, "jobnotfound.hint"));
    model.set("jobs", buttons(none.offered(), action, lang));
    return cards.render("job-not-found", model);
  }

  private ArrayNode buttons(List<Job> jobs, String action, Language lang) {
    ArrayNode list = cards.mapper().createArrayNode();
    for (Job job : jobs) {
      ObjectNode item = list.addObject();
      item.put("label", job.code().isEmpty() ? job.title() : job.title() + " (" + job.code() + ")");
      ObjectNode value = item.putObject("value");
      value.put("action", action);
      value.put("job_id", job.id());
      value.put("page", 0);
      value.put("lang", lang.feishuLocale());
      value.put(SharedActions.PICKED, true);
    }
    return list;
  }
}
