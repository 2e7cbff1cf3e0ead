package io.hirebot.feature.onboarding;

import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.StartWords;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.Progress;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One person of an onboarding week: their application, the start day their accepted offer planned (offer_basic's
 * onboard_date) and, once Hire says they joined, the day they really did (the employee record's onboard_time,
 * "实际入职时间", which a team may record weeks after the fact). Whether they joined is Hire's word alone
 * ({@link Progress#onboarded}: basic_info.onboard_status 2 or an employee record), never the application's update
 * time or stage.
 *
 * @param planned the accepted offer's start day; null when there is none
 * @param joinedOn the day they joined in the card's zone; null when they have not, or Hire gave no time
 */
record Start(Job job, Application application, LocalDate planned, LocalDate joinedOn) {

  /**
   * The application as a person of the week [{@code from}, {@code to}): someone whose accepted offer plans the start in
   * it, or who joined in it; empty otherwise.
   */
  static Optional<Start> of(Job job, Application a, LocalDate from, LocalDate to, ZoneId zone) {
    Progress p = a.progress();
    var offer = p.offer();
    LocalDate planned = offer != null && offer.status() == FlowTexts.ACCEPTED
        ? StartWords.planned(offer).orElse(null) : null;
    LocalDate joinedOn = p.onboardedAt() == null ? null : p.onboardedAt().atZone(zone).toLocalDate();
    boolean inWeek = within(planned, from, to) || within(joinedOn, from, to);
    return inWeek ? Optional.of(new Start(job, a, planned, joinedOn)) : Optional.empty();
  }

  /** The day the row shows and sorts by: the real join day once known, else the planned start. */
  LocalDate day() {
    return joinedOn != null ? joinedOn : planned;
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return day != null && !day.isBefore(from) && day.isBefore(to);
  }
}
