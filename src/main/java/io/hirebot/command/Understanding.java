package io.hirebot.command;

import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatch;
import io.hirebot.hire.JobMatcher;
import java.util.List;
import java.util.Optional;

/**
 * How the grammar's reading and the entity reading of one message are weighed against the tenant's data: the
 * grammar's stands unless its job names no open job, a profile whose name is part of a job's title is asked
 * about, and what the grammar could not read is read from its entities.
 */
final class Understanding {

  private static final JobMatcher JOBS = new JobMatcher();
  /** Shorter Latin names are too often inside some title by chance ("Li" in "Fellowship"). */
  private static final int MIN_LATIN_NAME_IN_TITLE = 4;

  private Understanding() {}

  /** The reading to answer with, or empty to keep the grammar's verdict (or its unknown with a suggestion). */
  static Optional<ParseResult> read(Utterance utterance, Optional<ParseResult> grammar, Lexicon lexicon) {
    if (grammar.isPresent() && grammar.get() instanceof ParseResult.Parsed p && p.command() instanceof Command.Negated) {
      return grammar; // a change said not to be made names its person: no entity reading makes more of it
    }
    if (grammar.isPresent() && grammar.get() instanceof ParseResult.Parsed p && p.command() instanceof Command.Change c) {
      // A typed change names a person (the handler finds them and asks to confirm), and maybe the job of the
      // application meant: that job as the tenant knows it, when it is one.
      return c.jobQuery().isEmpty() || lexicon.isEmpty() ? grammar
          : Optional.of(new ParseResult.Parsed(c.forJob(jobNamed(c.jobQuery(), lexicon)), p.language()));
    }
    if (EntityReader.asksForWrite(utterance)) {
      // "reject all backend candidates" is no list of backend candidates: say what does it, behind its guard.
      return EntityReader.read(utterance, lexicon).or(() -> grammar);
    }
    if (grammar.isPresent() && grammar.get() instanceof ParseResult.Parsed parsed) {
      Optional<String> job = jobQueryOf(parsed.command());
      if (parsed.command() instanceof Command.ShowProfile profile) {
        return clarifyPersonOrJob(profile, lexicon, parsed, utterance);
      }
      if (parsed.command() instanceof Command.ListJobs list && !list.keyword().isEmpty()) {
        return Optional.of(new ParseResult.Parsed(new Command.ListJobs(EntityReader.keyword(list.keyword())),
            parsed.language()));
      }
      if (job.isEmpty() || lexicon.isEmpty()) {
        return grammar;
      }
      JobMatch match = JOBS.match(job.get(), jobs(lexicon));
      if (match instanceof JobMatch.One one) {
        // The job as the tenant knows it: the handler then finds exactly this one, whatever else opens later.
        return Optional.of(new ParseResult.Parsed(FollowUps.withJob(parsed.command(), code(one.job())), parsed.language()));
      }
      if (match instanceof JobMatch.Several) {
        return grammar;
      }
      // Only a reading that finds a job replaces it: a job no one has still gets the "no such job" card.
      Optional<ParseResult> entities = EntityReader.read(utterance, lexicon);
      return entities.filter(r -> r instanceof ParseResult.Parsed p && namesJob(p.command())).or(() -> grammar);
    }
    if (grammar.isPresent() && !((ParseResult.Unknown) grammar.get()).suggestion().isEmpty()) {
      // The grammar recognised a command with a part missing ("candidates"): its example is the better answer,
      // unless the entities make a whole command of it, with the job or person it lacked. A cue word alone makes no
      // such command: "subscribe job" is no question about the open jobs.
      return EntityReader.read(utterance, lexicon)
          .filter(r -> r instanceof ParseResult.Parsed p && namesSomeone(p.command())).or(() -> grammar);
    }
    Optional<ParseResult> entities = EntityReader.read(utterance, lexicon);
    if (EntityReader.startsWithSetting(utterance.text())) {
      // A setting the grammar could not read ("quiet 22:00-08:00 for job"): its word "job" asks for no job list; a
      // question that names what it is about ("digest of backend candidates") is still read.
      return entities.filter(r -> !(r instanceof ParseResult.Parsed p && p.command() instanceof Command.ListJobs));
    }
    return entities;
  }

  private static Optional<ParseResult> clarifyPersonOrJob(Command.ShowProfile profile, Lexicon lexicon,
      ParseResult.Parsed parsed, Utterance utterance) {
    String name = Lexicon.squeeze(Lexicon.fold(profile.name()));
    boolean han = name.codePoints().anyMatch(EntityText::isHan);
    if (name.length() < (han ? 2 : MIN_LATIN_NAME_IN_TITLE)) {
      return Optional.of(parsed);
    }
    for (Lexicon.Entry entry : lexicon.jobs()) {
      if (entry.squeezed().contains(name)) {
        Job job = entry.job();
        Command asJob = new Command.ShowCandidates(code(job));
        return Optional.of(new ParseResult.Parsed(new Command.Clarify(List.of(asJob, profile)), parsed.language()));
      }
    }
    if (!EntityReader.isName(profile.name())) {
      // "who is in the pipeline for UX" is no person: what the entities say, if they say something whole.
      Optional<ParseResult> entities = EntityReader.read(utterance, lexicon);
      if (entities.isPresent() && entities.get() instanceof ParseResult.Parsed) {
        return entities;
      }
    }
    return Optional.of(parsed);
  }

  /** The one job {@code typed} names, by its code ("backend", "后端" → "BE-001"); as typed when it names no one job. */
  private static String jobNamed(String typed, Lexicon lexicon) {
    JobMatch match = JOBS.match(typed, jobs(lexicon));
    if (match instanceof JobMatch.One one) {
      return code(one.job());
    }
    return FollowUps.jobAlone(Lexicon.fold(typed), lexicon).orElse(typed);
  }

  /** How a resolved job is named in a command: its code, or its title when it has none. */
  static String code(Job job) {
    return job.code().isEmpty() ? job.title() : job.code();
  }

  private static List<Job> jobs(Lexicon lexicon) {
    return lexicon.openJobs();
  }

  /** Whether the command carries a job or a person that the message named. */
  private static boolean namesSomeone(Command command) {
    return namesJob(command) || command instanceof Command.ShowProfile || command instanceof Command.WhereIs
        || command instanceof Command.Clarify;
  }

  static boolean namesJob(Command command) {
    return command instanceof Command.CountCandidates || jobQueryOf(command).isPresent();
  }

  private static Optional<String> jobQueryOf(Command command) {
    if (command instanceof Command.ShowCandidates c) {
      return Optional.of(c.jobQuery());
    }
    if (command instanceof Command.ShowPipeline p) {
      return Optional.of(p.jobQuery());
    }
    if (command instanceof Command.ListOffers o && !o.jobQuery().isEmpty()) {
      return Optional.of(o.jobQuery());
    }
    return Optional.empty();
  }
}
