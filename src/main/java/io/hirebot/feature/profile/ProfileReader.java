package io.hirebot.feature.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.access.AccessPolicy;
import io.hirebot.cards.Pager;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Note;
import io.hirebot.hire.Partial;
import io.hirebot.hire.OwnChanges;
import io.hirebot.hire.StageNames;
import io.hirebot.hire.Talent;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.hirebot.hire.WrittenTest;

/**
 * Reads what a profile shows with parallel calls: the talent's application ids, the details of the page's
 * applications (job, history, interviews, offer in one call each), the notes, and the cached jobs and processes.
 */
final class ProfileReader {
  /**
   * A rendered profile and the applications it shows: a viewer without buttons still has a card that shows them, and
   * living cards must know which (they otherwise learn it from the buttons' values).
   */
  /** @param page the page of the applications shown (the last one, when asked for a page past it) */
  record Shown(ObjectNode card, List<String> applicationIds, int page) {}

  private final ProfileCard card;
  private final AccessPolicy access;
  private final OwnChanges moves;

  ProfileReader(ProfileCard card, AccessPolicy access, OwnChanges moves) {
    this.card = card;
    this.access = access;
    this.moves = moves;
  }

  /**
   * The profile card of one talent at the given page of their applications (newest first), offering {@code viewer}
   * Advance / Reject / Note only on the applications whose job they may change, and "Full details (private)" only
   * when they may read contact data (the clicks are checked again); its dates in {@code zone}, the chat's.
   */
  Future<Shown> render(HireDirectory hire, Talent talent, int page, boolean showContact, String viewer,
      Language lang, ZoneId zone) {
    return render(hire, talent, page, showContact, viewer, null, lang, zone);
  }

  /** @param back the value that shows the list the profile was opened from, or null for no "Back to the list" */
  Future<Shown> render(HireDirectory hire, Talent talent, int page, boolean showContact, String viewer,
      com.fasterxml.jackson.databind.node.ObjectNode back, Language lang, ZoneId zone) {
    return hire.applicationIdsOfTalent(talent.id()).compose(ids -> {
      // Ids in Hire's order; ask for every detail only when they fit one page, otherwise this page's.
      int pages = Pager.pages(ids.size(), ProfileCard.APPLICATIONS_PER_PAGE);
      int p = Pager.clamp(page, pages);
      List<String> slice = ids.subList(Math.min(ids.size(), p * ProfileCard.APPLICATIONS_PER_PAGE),
          Math.min(ids.size(), (p + 1) * ProfileCard.APPLICATIONS_PER_PAGE));
      List<Future<ApplicationDetail>> details = slice.stream().map(hire::applicationDetail).toList();
      // Without the notes scope the profile still shows, saying notes are hidden.
      var notes = Partial.of(hire.notes(talent.id()), List.<Note>of());
      // One tests/search call for the page's applications, alongside their details.
      var tests = Partial.of(hire.writtenTests(slice), Map.<String, WrittenTest>of());
      var jobs = hire.jobs();
      var processes = hire.processes();
      // Who made the moves made through the bot; without them the history is Hire's alone.
      var made = moves.of(slice).otherwise(List.of());
      return Future.all(List.of(Future.all(details), notes, tests, jobs, processes, made))
          .compose(done -> Future.all(changeable(details, viewer), mayReadContact(hire, ids, details, viewer)))
          .map(both -> {
        Set<String> mayChange = both.resultAt(0);
        boolean contact = both.<Boolean>resultAt(1);
        List<ApplicationDetail> shown = details.stream().map(Future::result).map(d -> d.withTests(tests.result()))
            .sorted(Comparator.comparing((ApplicationDetail d) -> d.application().appliedAt(),
                Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
        Talent named = talent.name().isBlank() && !shown.isEmpty()
            ? talent.withName(shown.get(0).application().talentName())
            : talent;
        StageNames stages = new StageNames(jobs.result(), processes.result());
        // Contact data (shown in a private chat, or offered there by button) only to whom it is for.
        return new Shown(card.in(zone).render(named, shown, p, ids.size(), notes.result(),
            new ProfileHistory(made.result()), stages, showContact, new ProfileCard.Offers(mayChange, contact, back),
            lang), slice, p);
      });
    });
  }

  /**
   * Whether {@code viewer} may read the talent's phone and email: an admin, or on the hiring team of a job the
   * talent applied to ({@link AccessPolicy#mayReadContact}), each job read from the details at hand or Hire's
   * (cached) application.
   */
  Future<Boolean> mayReadContact(HireDirectory hire, String talentId, String viewer) {
    return hire.applicationIdsOfTalent(talentId).compose(ids -> mayReadContact(hire, ids, List.of(), viewer));
  }

  private Future<Boolean> mayReadContact(HireDirectory hire, List<String> ids, List<Future<ApplicationDetail>> known,
      String viewer) {
    Map<String, String> jobOf = new HashMap<>();
    known.forEach(d -> jobOf.put(d.result().application().id(), d.result().application().jobId()));
    List<Future<String>> jobs = ids.stream().map(id -> jobOf.containsKey(id) ? Future.succeededFuture(jobOf.get(id))
        : hire.application(id).map(Application::jobId)).toList();
    return Future.all(jobs).compose(done -> access.mayReadContact(viewer,
        jobs.stream().map(Future::result).toList()));
  }

  /** The jobs of these applications that {@code viewer} may change (one team lookup per job, cached). */
  private Future<Set<String>> changeable(List<Future<ApplicationDetail>> details, String viewer) {
    List<String> jobIds = details.stream().map(d -> d.result().application().jobId()).distinct().toList();
    List<Future<AccessPolicy.Decision>> decisions = jobIds.stream().map(j -> access.mayChange(viewer, j)).toList();
    return Future.all(decisions).map(all -> {
      Set<String> allowed = new HashSet<>();
      for (int i = 0; i < jobIds.size(); i++) {
        if (decisions.get(i).result().allowed()) {
          allowed.add(jobIds.get(i));
        }
      }
      return allowed;
    });
  }
}
