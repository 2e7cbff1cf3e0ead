package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.command.Language;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Messages;
import java.util.List;

/** The two cards a job query may need before it can answer: "which of these?" and "no such job". */
public final class JobChoiceCard {
  private final Cards cards;
  private final Messages messages;

  public JobChoiceCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /** Several jobs match: one button per job, each showing that job's candidates. */
  public ObjectNode picker(String query, List<Job> jobs, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "jobpicker.title"));
    model.put("text", messages.get(lang, "jobpicker.text", query));
    model.set("jobs", buttons(jobs, lang));
    return cards.render("job-picker", model);
  }

  /** Nothing matches: say so, offer the closest jobs as buttons. */
  public ObjectNode notFound(String query, List<Job> closest, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "jobnotfound.title", query));
    String text = messages.get(lang, "jobnotfound.text", query) + "\n"
        + messages.get(lang, closest.isEmpty() ? "jobnotfound.none" : "jobnotfound.closest");
    model.put("text", text);
    model.put("hint", messages.get(lang, "jobnotfound.hint"));
    model.set("jobs", buttons(closest, lang));
    return cards.render("job-not-found", model);
  }

  private ArrayNode buttons(List<Job> jobs, Language lang) {
    ArrayNode list = cards.mapper().createArrayNode();
    for (Job job : jobs) {
      ObjectNode item = list.addObject();
      item.put("label", job.code().isEmpty() ? job.title() : job.title() + " (" + job.code() + ")");
      ObjectNode value = item.putObject("value");
      value.put("action", CandidatesActions.SHOW);
      value.put("job_id", job.id());
      value.put("page", 0);
      value.put("lang", lang.feishuLocale());
    }
    return list;
  }
}
