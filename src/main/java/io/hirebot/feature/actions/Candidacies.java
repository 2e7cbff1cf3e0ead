package io.hirebot.feature.actions;

import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.Talent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a typed name means, as applications a change can act on: Hire's talent search finds the people, and each
 * one's active applications are read fresh (a change is confirmed against the stage they are in now). At most
 * {@link #PEOPLE} people and {@link #APPLICATIONS} applications each are read, so a common name costs a bounded
 * number of calls.
 */
final class Candidacies {
  static final int PEOPLE = 3;
  static final int APPLICATIONS = 5;

  /** An active application with its job (null when Hire no longer lists the job). */
  record Candidacy(Application application, Job job) {
    String jobTitle() {
      return job == null ? application.jobId() : job.title();
    }
  }

  /**
   * What the search found: the candidacies, whether anyone by that name exists at all, and how many more people
   * matched than were read.
   */
  record Found(List<Candidacy> candidacies, boolean anyone, int unread) {}

  private Candidacies() {}

  static Future<Found> find(HireDirectory hire, String name) {
    return hire.searchTalents(name).compose(talents -> {
      if (talents.isEmpty()) {
        return Future.succeededFuture(new Found(List.of(), false, 0));
      }
      List<Talent> shown = talents.stream().limit(PEOPLE).toList();
      return hire.jobs().compose(jobs -> Future.all(shown.stream().map(t -> active(hire, t, jobs)).toList())
          .map(all -> {
            List<Candidacy> out = new ArrayList<>();
            all.<List<Candidacy>>list().forEach(out::addAll);
            return new Found(out, true, talents.size() - shown.size());
          }));
    });
  }

  /** One application, read now, with its job. */
  static Future<Candidacy> one(HireDirectory hire, String applicationId) {
    return hire.applicationNow(applicationId).compose(a -> hire.jobs().map(jobs -> new Candidacy(a, job(jobs, a))));
  }

  private static Future<List<Candidacy>> active(HireDirectory hire, Talent talent, List<Job> jobs) {
    return hire.applicationIdsOfTalent(talent.id()).compose(ids -> Future.all(ids.stream().limit(APPLICATIONS)
            .map(hire::applicationNow).toList())
        .map(all -> all.<Application>list().stream().filter(a -> a.active() && a.stage() != null)
            .map(a -> new Candidacy(a, job(jobs, a))).toList()));
  }

  private static Job job(List<Job> jobs, Application a) {
    Optional<Job> job = jobs.stream().filter(j -> j.id().equals(a.jobId())).findFirst();
    return job.orElse(null);
  }
}
