package io.hirebot.bot;

import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatch;
import io.hirebot.hire.JobMatcher;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.vertx.core.Future;
import java.util.List;

/**
 * Resolves a job as a user named it in a command that needs exactly one job (subscribe, digest): the job,
 * or a one-line text reply naming the candidates to choose from.
 */
public final class JobQueries {

  /** Either the one job meant, or the reply that explains why there is none. */
  public record Resolved(Job job, Reply reply) {
    public boolean found() {
      return job != null;
    }
  }

  private final HireDirectory hire;
  private final JobMatcher matcher;
  private final Messages messages;

  public JobQueries(HireDirectory hire, JobMatcher matcher, Messages messages) {
    this.hire = hire;
    this.matcher = matcher;
    this.messages = messages;
  }

  public Future<Resolved> resolve(String query, Language lang) {
    return matcher.lookUp(hire, query).map(match -> {
      if (match instanceof JobMatch.One one) {
        return new Resolved(one.job(), null);
      }
      if (match instanceof JobMatch.Several several) {
        Job first = several.jobs().get(0);
        return new Resolved(null, Reply.text(messages, lang, "jobquery.several", query, names(several.jobs(), lang),
            first.code().isEmpty() ? first.title() : first.code()));
      }
      JobMatch.None nothing = (JobMatch.None) match;
      Reply.Text none = Reply.text(messages, lang, "jobquery.none", query);
      return new Resolved(null, nothing.offered().isEmpty() ? none : none.plus(Reply.text(messages, lang,
          nothing.near() ? "jobquery.closest" : "jobquery.open", names(nothing.offered(), lang))));
    });
  }

  /** The {@link #label} of the job of id {@code jobId}; the id itself when Hire no longer has that job. */
  public Future<String> label(String jobId) {
    return hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst()
        .map(JobQueries::label).orElse(jobId));
  }

  /**
   * "Backend Engineer (BE-001)" — how jobs are named in every automation message; a long title cut as every card cuts
   * names ({@link Names}), so a card listing many jobs (settings, the digest) stays within Feishu's 30 KB and the code
   * is still shown.
   */
  public static String label(Job job) {
    String title = Names.of(job.title());
    return job.code().isEmpty() ? title : title + " (" + job.code() + ")";
  }

  private String names(List<Job> jobs, Language lang) {
    return messages.list(lang, jobs.stream().map(JobQueries::label).toList());
  }
}
