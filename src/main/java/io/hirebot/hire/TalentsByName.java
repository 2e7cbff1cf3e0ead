package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.List;

/**
 * The people Hire's talent search finds for a typed name, each with their latest applications and jobs. At most
 * {@link #PEOPLE} people and {@link #APPLICATIONS} applications each are read, so a common name costs a bounded
 * number of calls; "where is X" and the typed changes read people this one way.
 */
public final class TalentsByName {
  public static final int PEOPLE = 3;
  public static final int APPLICATIONS = 5;

  /** An application with its job (null when Hire no longer lists the job). */
  public record Applied(Application application, Job job) {
    public String jobTitle() {
      return job == null ? application.jobId() : job.title();
    }

    /** {@code application} with its job among {@code jobs}. */
    public static Applied of(Application application, List<Job> jobs) {
      return new Applied(application, jobs.stream().filter(j -> j.id().equals(application.jobId())).findFirst()
          .orElse(null));
    }
  }

  /** One person found and their applications read, latest first as Hire lists them. */
  public record Person(Talent talent, List<Applied> applications) {}

  /** The people read, and how many more matched the name than were read. */
  public record Found(List<Person> people, int unread) {}

  private TalentsByName() {}

  /**
   * Searches {@code name} and reads the first people's applications: {@code fresh} reads each application now
   * (a change is confirmed against the stage it is in now), otherwise through the cache.
   */
  public static Future<Found> find(HireDirectory hire, String name, boolean fresh) {
    return hire.searchTalents(name).compose(talents -> {
      if (talents.isEmpty()) {
        return Future.succeededFuture(new Found(List.of(), 0));
      }
      List<Talent> shown = talents.stream().limit(PEOPLE).toList();
      return read(hire, shown, APPLICATIONS, fresh).map(people -> new Found(people, talents.size() - shown.size()));
    });
  }

  /**
   * {@code talents} (found already) with at most {@code applications} of their latest applications each, read as
   * {@link #find} reads them: a person picker labels each person with their latest one.
   */
  public static Future<List<Person>> read(HireDirectory hire, List<Talent> talents, int applications, boolean fresh) {
    return hire.jobs().compose(jobs -> Future.all(talents.stream()
            .map(t -> person(hire, t, jobs, applications, fresh)).toList())
        .map(all -> all.<Person>list()));
  }

  private static Future<Person> person(HireDirectory hire, Talent talent, List<Job> jobs, int applications,
      boolean fresh) {
    return hire.applicationIdsOfTalent(talent.id()).compose(ids -> Future.all(ids.stream().limit(applications)
            .map(id -> fresh ? hire.applicationNow(id) : hire.application(id)).toList())
        .map(all -> new Person(talent, all.<Application>list().stream().map(a -> Applied.of(a, jobs)).toList())));
  }
}
