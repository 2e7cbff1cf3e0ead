package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The port through which features read Feishu Hire. Implementations never block the caller; a failed
 * call fails the future with {@link io.hirebot.error.FeishuApiException} carrying code, msg and log id.
 */
public interface HireDirectory {

  /** Every job of the tenant (open and closed); Hire has no job search, so matching happens locally. */
  Future<List<Job>> jobs();

  /** Every hiring process with its ordered stages. */
  Future<List<JobProcess>> processes();

  /** Ids of the job's active applications in one stage, in Hire's order. */
  Future<List<String>> activeApplicationIds(String jobId, String stageId);

  /**
   * Ids of all the job's active applications, whatever their stage, in Hire's order: one list call (and its pages)
   * where a list per stage would cost one per stage.
   */
  Future<List<String>> activeApplicationIds(String jobId);

  /**
   * Ids of the job's terminated applications (rejected, declined or withdrawn) whose stage is {@code stageId}, in
   * Hire's order: Hire leaves a terminated application in the stage it was terminated at ({@code stage} with
   * {@code active_status} 2), so these are the funnel's drop-outs at that stage.
   */
  Future<List<String>> terminatedApplicationIds(String jobId, String stageId);

  /**
   * Ids of the job's active applications that Hire last updated at or after {@code since} (the list's only time
   * filter; an application made since then was updated since then too), in Hire's order.
   */
  Future<List<String>> activeApplicationIdsUpdatedSince(String jobId, java.time.Instant since);

  /** One application with its current stage and the talent's name. */
  Future<Application> application(String applicationId);

  /** The application as Hire has it right now, bypassing any cache (before a write, to detect stale cards). */
  Future<Application> applicationNow(String applicationId);

  /** Recruiter, hiring managers and assistants of a job, as open_ids. */
  Future<JobTeam> jobTeam(String jobId);

  /** Reasons an application may be terminated with. */
  Future<List<TerminationReason>> terminationReasons();

  /** Moves an application to another stage of its job's process. */
  Future<Void> transferStage(String applicationId, String stageId);

  /** Terminates (rejects) an application. */
  Future<Void> terminate(String applicationId, int terminationType, List<String> reasonIds, String note);

  /** Undoes a termination, where Hire allows it. */
  Future<Void> recover(String applicationId);

  /** Writes a note on the talent, attached to the application, as the given user; completes with its id. */
  Future<String> createNote(String talentId, String applicationId, String creatorOpenId, String content);

  /** Talents whose name, phone or email contain the keyword (Hire's talent search; first page only). */
  Future<List<Talent>> searchTalents(String keyword);

  /** Ids of every application of a talent, active or not. */
  Future<List<String>> applicationIdsOfTalent(String talentId);

  /** One application with its job, stage history, interviews (with interviewers) and offer. */
  Future<ApplicationDetail> applicationDetail(String applicationId);

  /** The talent's notes, as Hire lists them. */
  Future<List<Note>> notes(String talentId);

  /** Interviews that start in [from, to), with interviewers (ids are open_ids) and feedback state. */
  Future<List<Interview>> interviews(java.time.Instant from, java.time.Instant to);

  /**
   * The same interviews as Hire has them right now, bypassing any cache: Hire fires no event when an interview is
   * scheduled, so a list cached a minute ago may lack one (a digest must show it). A directory that keeps nothing reads.
   */
  default Future<List<Interview>> interviewsNow(java.time.Instant from, java.time.Instant to) {
    return interviews(from, to);
  }

  /** One offer: which application it belongs to, its status and onboarding date. */
  Future<Offer> offer(String offerId);

  /** Every offer of a talent with its status (Hire lists offers only per talent); no onboarding dates. */
  Future<List<Offer>> offersOfTalent(String talentId);

  /**
   * The user's pending tasks of one kind (Hire's {@code activity_status} 1 待评估 / 1 待阅卷 / 2 未评价), every page;
   * these endpoints answer with the app's tenant token, no user authorization.
   */
  Future<List<HireTask>> pendingTasks(HireTask.Kind kind, String userOpenId);

  // Issue 16, each step's outcome (flow-read).

  /**
   * The current written test of each application that has one ({@code POST /hire/v1/tests/search}, at most 100
   * ids per call, 50/s); applications without a test are absent.
   */
  Future<Map<String, WrittenTest>> writtenTests(List<String> applicationIds);
  // What a Hire event or poll tells the bot about changes: a directory that caches forgets, one that does not
  // (Feishu's own, a test's fake) has nothing to do.

  /** Forgets what is known about one application (after a write, or an event saying it moved). */
  default void invalidateApplication(String applicationId, String jobId) {
  }

  /** Forgets one application (an event says it changed) before its job is known. */
  default void invalidateApplication(String applicationId) {
  }

  /** Forgets the job's application lists, so the next read sees applications added since. */
  default void invalidateJob(String jobId) {
  }

  /** An offer changed status: forget it, and (once its talent is known) that talent's offer list. */
  default void offerChanged(String offerId, String talentId) {
  }

  /** The application as this replica last read it, if it still has it; empty for a directory that keeps nothing. */
  default Optional<Application> cachedApplication(String applicationId) {
    return Optional.empty();
  }

  /**
   * Runs {@code listener} for each application read from Hire; the read completes once the listener's future does
   * (whatever the bot shows of an application, it has recorded first). The listener must not fail. A directory
   * that is not the bot's reader of Hire (a test's fake) may ignore it.
   */
  default void onApplicationRead(Function<Application, Future<Void>> listener) {
  }
}
