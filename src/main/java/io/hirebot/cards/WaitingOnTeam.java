package io.hirebot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.hire.HireTask;
import io.hirebot.hire.TaskBoard.Waiting;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words and the person rows for pending Hire tasks, shared by every card that shows them ("my tasks", the
 * nudges and escalations, the digest's "waiting on the team"): a person row is Feishu's {@code person} component
 * (the name and avatar each viewer's client shows, without mentioning anyone) beside a line such as
 * "2 to evaluate, 1 feedback · Alice Johnson (Backend Engineer, 4 days), …".
 */
public final class WaitingOnTeam {
  /** Candidates named per person; the rest are counted. */
  static final int MAX_NAMES = 3;

  private final Messages messages;

  public WaitingOnTeam(Messages messages) {
    this.messages = messages;
  }

  /** "4 days" / "5 hours" / "under an hour". */
  public String waited(Duration d, Language lang) {
    long days = d.toDays();
    return days >= 1 ? messages.get(lang, "tasks.waited.days", days)
        : d.toHours() >= 1 ? messages.get(lang, "tasks.waited.hours", d.toHours())
        : messages.get(lang, "tasks.waited.minutes");
  }

  /** "2 to evaluate, 1 test to mark, 3 feedback" for the tasks given (kinds without any left out). */
  public String counts(List<Waiting> tasks, Language lang) {
    List<String> parts = new ArrayList<>();
    for (HireTask.Kind kind : HireTask.Kind.values()) {
      long n = tasks.stream().filter(w -> w.task().kind() == kind).count();
      if (n > 0) {
        parts.add(messages.get(lang, kind.key() + ".count", n));
      }
    }
    return String.join(messages.get(lang, "tasks.separator"), parts);
  }

  /** The tasks grouped by whose they are, in the order of the list (oldest first stays oldest first). */
  public static Map<String, List<Waiting>> byPerson(List<Waiting> tasks) {
    return tasks.stream().collect(Collectors.groupingBy(Waiting::owner, LinkedHashMap::new, Collectors.toList()));
  }

  /**
   * Appends one {@code {id, text}} row per person (at most {@code max}) to {@code rows}, for the {@code people}
   * loop of a template; completes with the number of people left out.
   *
   * @param withJob whether each candidate named says the job (not inside one job's section of a digest)
   */
  public int people(ArrayNode rows, List<Waiting> tasks, int max, boolean withJob, Instant now, Language lang) {
    Map<String, List<Waiting>> byPerson = byPerson(tasks);
    int shown = 0;
    for (Map.Entry<String, List<Waiting>> e : byPerson.entrySet()) {
      if (shown == max) {
        break;
      }
      List<Waiting> theirs = e.getValue();
      String names = theirs.stream().limit(MAX_NAMES).map(w -> withJob
          ? Markdown.message(messages, lang, "tasks.person.item", Names.of(w.application().talentName()),
              Names.of(w.jobTitle()), waited(w.waited(now), lang))
          : Markdown.message(messages, lang, "tasks.person.item.inJob", Names.of(w.application().talentName()),
              waited(w.waited(now), lang))).collect(Collectors.joining(messages.get(lang, "digest.separator")));
      if (theirs.size() > MAX_NAMES) {
        names = messages.get(lang, "digest.more", names, theirs.size() - MAX_NAMES, theirs.size());
      }
      ObjectNode row = rows.addObject();
      row.put("id", e.getKey());
      row.put("text", Markdown.message(messages, lang, "tasks.person", counts(theirs, lang), new Markdown.Own(names)));
      shown++;
    }
    return byPerson.size() - shown;
  }
}
