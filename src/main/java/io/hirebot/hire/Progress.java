package io.hirebot.hire;

import java.time.Instant;
import java.util.List;

/**
 * How far an application got through Hire's flow (evaluation → written test → interview → offer → onboarding),
 * read with the application itself: get_detail's {@code evaluations}, {@code interview_aggregation}, {@code offer}
 * and {@code employee} come in the same call as its stage, so a candidate row's marker costs no extra call. The
 * written test is the exception (Hire serves it only through tests/search, in batches), joined in afterwards.
 *
 * @param known false for an application read without these parts (nothing to show, rather than "none")
 * @param offer the current offer, null when none (or hidden for lack of scope)
 * @param onboarded Hire says the candidate has joined (basic_info.onboard_status 2, or an employee record)
 * @param test null when none was read
 */
public record Progress(boolean known, List<Evaluation> evaluations, List<Interview> interviews, Offer offer,
    boolean onboarded, Instant onboardedAt, WrittenTest test) {

  public static final Progress UNKNOWN = new Progress(false, List.of(), List.of(), null, false, null, null);

  public Progress {
    evaluations = List.copyOf(evaluations);
    interviews = List.copyOf(interviews);
  }

  public Progress withTest(WrittenTest t) {
    return new Progress(known, evaluations, interviews, offer, onboarded, onboardedAt, t);
  }

  /** Evaluations handed in, of all asked for. */
  public long evaluationsIn() {
    return evaluations.stream().filter(Evaluation::submitted).count();
  }
}
