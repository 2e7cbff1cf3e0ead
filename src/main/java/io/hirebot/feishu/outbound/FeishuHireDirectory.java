package io.hirebot.feishu.outbound;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.hire.v1.model.ApplicationDetailBasicInfo;
import com.lark.oapi.service.hire.v1.model.ApplicationStageInfo;
import com.lark.oapi.service.hire.v1.model.ApplicationStageTime;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationReq;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationRespBody;
import com.lark.oapi.service.hire.v1.model.GetOfferReq;
import com.lark.oapi.service.hire.v1.model.GetOfferResp;
import com.lark.oapi.service.hire.v1.model.GetOfferRespBody;
import com.lark.oapi.service.hire.v1.model.JobProcesses;
import com.lark.oapi.service.hire.v1.model.JobProcessesStage;
import com.lark.oapi.service.hire.v1.model.ListApplicationReq;
import com.lark.oapi.service.hire.v1.model.ListJobProcessReq;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import com.lark.oapi.service.hire.v1.model.ListOfferReq;
import com.lark.oapi.service.hire.v1.model.CreateNoteReq;
import com.lark.oapi.service.hire.v1.model.I18n;
import com.lark.oapi.service.hire.v1.model.ListTerminationReasonReq;
import com.lark.oapi.service.hire.v1.model.RecoverApplicationReq;
import com.lark.oapi.service.hire.v1.model.RecruiterJobReq;
import com.lark.oapi.service.hire.v1.model.SearchTestReq;
import com.lark.oapi.service.hire.v1.model.SearchTestReqBody;
import io.hirebot.hire.WrittenTest;
import io.hirebot.hire.Partial;
import com.lark.oapi.service.hire.v1.model.TerminateApplicationReq;
import com.lark.oapi.service.hire.v1.model.TerminateApplicationReqBody;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationReq;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationReqBody;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.TerminationReason;
import io.hirebot.error.FeishuApiException;
import io.hirebot.error.NotFoundException;
import io.hirebot.feishu.EpochTimes;
import io.hirebot.feishu.FeishuIds;
import io.hirebot.feishu.FeishuScopes;
import com.lark.oapi.service.hire.v1.model.ListInterviewReq;
import com.lark.oapi.service.hire.v1.model.ListNoteReq;
import com.lark.oapi.service.hire.v1.model.ListTalentReq;
import com.lark.oapi.service.hire.v1.model.ListTalentResp;
import com.lark.oapi.service.hire.v1.model.ListTalentRespBody;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Note;
import io.hirebot.hire.Talent;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireTask;
import com.lark.oapi.service.hire.v1.model.ListEvaluationTaskReq;
import com.lark.oapi.service.hire.v1.model.ListExamMarkingTaskReq;
import com.lark.oapi.service.hire.v1.model.ListInterviewTaskReq;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HireDirectory} over the Feishu SDK's Hire v1 API (reference/feishu-hire-api.md §2–§4). */
public final class FeishuHireDirectory implements HireDirectory {
  static final int JOBS_PAGE_SIZE = 20;
  static final int PROCESSES_PAGE_SIZE = 100;
  static final int APPLICATIONS_PAGE_SIZE = 100;
  /** Stops a misbehaving has_more loop; 200 pages of 100 is far beyond any job's pipeline. */
  static final int MAX_PAGES = 200;
  /**
   * A candidate row's read: the talent's name, and (same call, no extra round trip) each step's outcome for the
   * row's marker: evaluations, interviews with each record's commit_status, the offer with onboard_date, and the
   * employee record (reference §4 get_detail options; SDK {@code ApplicationDetailInfo}). A field whose scope the
   * app lacks is left out by Feishu, and the marker with it.
   */
  private static final String[] DETAIL_OPTIONS = {"with_talent", "with_evaluation", "with_interview", "with_offer",
      "with_employee"};
  private static final String[] PROFILE_OPTIONS = {"with_talent", "with_job", "with_interview", "with_offer",
      "with_evaluation", "with_employee"};
  /** Profile parts → the get_detail field each comes from (which needs a scope of its own). */
  private static final Map<String, String> PROFILE_FIELDS = Map.of(
      ApplicationDetail.INTERVIEWS, "interview_aggregation", ApplicationDetail.OFFER, "offer",
      ApplicationDetail.EVALUATIONS, "evaluations");
  /** tests/search takes at most 100 application ids and serves at most 100 per page (docs hire-v1/test/search). */
  static final int TESTS_BATCH = 100;
  /** Hire's talent search serves at most 20 per page; a name matching more people needs a closer name. */
  static final int TALENTS_PAGE_SIZE = 20;
  static final int PEOPLE_PAGE_SIZE = 100;
  /** Without it Hire answers a search that finds nobody with an error, not an empty list (reference addendum). */
  static final String IGNORE_EMPTY_ERROR = "ignore_empty_error";
  /** We join chat users to Hire users by open_id, which the IM events already carry. */
  private static final String OPEN_ID = "open_id";
  static final int REASONS_PAGE_SIZE = 100;
  /** The offer list's documented maximum page (reference §9). */
  static final int OFFERS_PAGE_SIZE = 100;
  /** Notes are public to the hiring team (2), as when written in Feishu Hire itself. */
  static final int NOTE_PUBLIC = 2;

  private static final Logger log = LoggerFactory.getLogger(FeishuHireDirectory.class);

  private final Client client;
  private final FeishuCalls calls;

  public FeishuHireDirectory(Client client, FeishuCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** One page of a paged list: its items, and the token of the next page (null when none). */
  private record Page<T>(List<T> items, String next) {
    static <T> Page<T> of(T[] items, Boolean hasMore, String token) {
      List<T> list = items == null ? List.of() : Arrays.asList(items);
      return new Page<>(list, Boolean.TRUE.equals(hasMore) && token != null && !token.isEmpty() ? token : null);
    }
  }

  @Override
  public Future<List<Job>> jobs() {
    return collect("hire.job.list", token -> () -> client.hire().v1().job().list(
            ListJobReq.newBuilder().pageSize(JOBS_PAGE_SIZE).pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken()))
        .map(items -> items.stream()
            .map(j -> new Job(j.getId(), nullToEmpty(j.getCode()), nullToEmpty(j.getTitle()),
                j.getProcessId(), j.getActiveStatus() == null || j.getActiveStatus() == 1))
            .toList());
  }

  @Override
  public Future<List<JobProcess>> processes() {
    return collect("hire.job_process.list", token -> () -> client.hire().v1().jobProcess().list(
            ListJobProcessReq.newBuilder().pageSize(PROCESSES_PAGE_SIZE).pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken()))
        .map(items -> items.stream().map(FeishuHireDirectory::toProcess).toList());
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId, String stageId) {
    return stageApplicationIds(jobId, stageId, "1");
  }

  @Override
  public Future<List<String>> terminatedApplicationIds(String jobId, String stageId) {
    return stageApplicationIds(jobId, stageId, "2");
  }

  /** The ids of the job's applications in one stage with Hire's {@code active_status} (1 active, 2 terminated). */
  private Future<List<String>> stageApplicationIds(String jobId, String stageId, String activeStatus) {
    return hireId("hire.application.list", jobId).compose(ok -> hireId("hire.application.list", stageId))
        .compose(ok -> applicationIds(() -> ListApplicationReq.newBuilder().jobId(jobId).stageId(stageId)
            .activeStatus(activeStatus)));
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId) {
    return hireId("hire.application.list", jobId).compose(ok -> applicationIds(() -> ListApplicationReq.newBuilder()
        .jobId(jobId).activeStatus("1")));
  }

  @Override
  public Future<List<String>> activeApplicationIdsUpdatedSince(String jobId, Instant since) {
    return hireId("hire.application.list", jobId).compose(ok -> applicationIds(() -> ListApplicationReq.newBuilder()
        .jobId(jobId).activeStatus("1").updateStartTime(String.valueOf(since.toEpochMilli()))));
  }

  /**
   * Every page of the application list with the given filters, each id once ({@link #once}): every count of a job's
   * candidates is the size of such a list.
   */
  private Future<List<String>> applicationIds(java.util.function.Supplier<ListApplicationReq.Builder> filters) {
    return collect("hire.application.list", token -> () -> client.hire().v1().application().list(filters.get()
            .pageSize(APPLICATIONS_PAGE_SIZE).pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken()));
  }

  @Override
  public Future<Application> application(String applicationId) {
    return detail(applicationId, DETAIL_OPTIONS).map(FeishuHireDirectory::toApplication);
  }

  /** get_detail with the given options; an answer without basic_info fails like an error would. */
  private Future<GetDetailApplicationRespBody> detail(String applicationId, String[] options) {
    return hirePath("hire.application.get_detail", applicationId).compose(id -> calls
        .<GetDetailApplicationRespBody, com.lark.oapi.service.hire.v1.model.GetDetailApplicationResp>call(
            "hire.application.get_detail",
            () -> client.hire().v1().application().getDetail(GetDetailApplicationReq.newBuilder()
                .applicationId(id).userIdType(OPEN_ID).options(options).build())))
        .compose(d -> d == null || d.getApplicationDetail() == null
            || d.getApplicationDetail().getBasicInfo() == null
            ? Future.failedFuture(new NotFoundException(NotFoundException.Kind.APPLICATION, applicationId,
                "hire.application.get_detail answered without application_detail"))
            : Future.succeededFuture(d));
  }

  @Override
  public Future<List<Talent>> searchTalents(String keyword) {
    return calls.<ListTalentRespBody, ListTalentResp>call("hire.talent.list", () -> client.hire().v1().talent().list(
            ListTalentReq.newBuilder().keyword(keyword).pageSize(TALENTS_PAGE_SIZE)
                .queryOption(IGNORE_EMPTY_ERROR).build()))
        .map(d -> d == null || d.getItems() == null ? List.<Talent>of()
            : Arrays.stream(d.getItems()).map(HireModels::talent).toList());
  }

  @Override
  public Future<List<String>> applicationIdsOfTalent(String talentId) {
    return hireId("hire.application.list", talentId)
        .compose(ok -> applicationIds(() -> ListApplicationReq.newBuilder().talentId(talentId)));
  }

  /**
   * get_detail, and in parallel the application's interviews list for each interviewer's conclusion (get_detail's
   * {@code InterviewRecordV2} has commit_status but no conclusion; the list's {@code InterviewRecord} has both:
   * SDK 2.5.3 models, reference §7). Without the interview scope the profile says interviews are hidden anyway.
   */
  @Override
  public Future<ApplicationDetail> applicationDetail(String applicationId) {
    Future<GetDetailApplicationRespBody> detail = detail(applicationId, PROFILE_OPTIONS);
    Future<Partial<Map<String, Integer>>> conclusions = Partial.of(hireId("hire.interview.list", applicationId)
        .compose(ok -> collect("hire.interview.list", token -> () -> client.hire().v1().interview().list(
                ListInterviewReq.newBuilder().applicationId(applicationId).userIdType(OPEN_ID)
                    .pageSize(PEOPLE_PAGE_SIZE).pageToken(token).build()),
            d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken())))
        .map(HireModels::conclusions), Map.of());
    return Future.all(detail, conclusions).map(done -> HireModels.detail(toApplication(detail.result()),
        detail.result().getApplicationDetail(), withheldFields(), conclusions.result().value()));
  }

  @Override
  public Future<Map<String, WrittenTest>> writtenTests(List<String> applicationIds) {
    List<Future<List<com.lark.oapi.service.hire.v1.model.Test>>> batches = new ArrayList<>();
    for (int i = 0; i < applicationIds.size(); i += TESTS_BATCH) {
      String[] batch = applicationIds.subList(i, Math.min(applicationIds.size(), i + TESTS_BATCH))
          .toArray(new String[0]);
      batches.add(Future.all(Arrays.stream(batch).map(id -> hireId("hire.test.search", id)).toList())
          .compose(ok -> collect("hire.test.search", token -> () -> client.hire().v1().test().search(
                  SearchTestReq.newBuilder().pageSize(TESTS_BATCH).pageToken(token).userIdType(OPEN_ID)
                      .searchTestReqBody(SearchTestReqBody.newBuilder().applicationIdList(batch).build()).build()),
              d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken()))));
    }
    return Future.all(batches).map(done -> {
      Map<String, WrittenTest> current = new HashMap<>();
      batches.forEach(b -> b.result().stream().map(HireModels::writtenTest)
          .forEach(t -> current.merge(t.applicationId(), t, WrittenTest::newer)));
      return Map.copyOf(current);
    });
  }

  /** Profile parts Feishu leaves out of get_detail (without an error) because the app is known to lack their scope. */
  private Map<String, String> withheldFields() {
    Map<String, String> out = new HashMap<>();
    PROFILE_FIELDS.forEach((part, field) -> FeishuScopes.NEEDS.stream()
        .filter(n -> n.operation().equals(FeishuScopes.DETAIL + "#" + field))
        .flatMap(n -> n.preferred().stream())
        .filter(calls.missingScopes()::isMissing)
        .findFirst().ifPresent(scope -> out.put(part, scope)));
    return out;
  }

  @Override
  public Future<List<Note>> notes(String talentId) {
    return hireId("hire.note.list", talentId).compose(ok -> collect("hire.note.list", token -> () -> client.hire()
        .v1().note().list(
            ListNoteReq.newBuilder().talentId(talentId).userIdType(OPEN_ID).pageSize(PEOPLE_PAGE_SIZE)
                .pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken())))
        .map(items -> items.stream().map(HireModels::note).toList());
  }

  @Override
  public Future<List<Interview>> interviews(Instant from, Instant to) {
    return collect("hire.interview.list", token -> () -> client.hire().v1().interview().list(
            ListInterviewReq.newBuilder()
                .startTime(String.valueOf(from.toEpochMilli())).endTime(String.valueOf(to.toEpochMilli() - 1))
                .userIdType(OPEN_ID).pageSize(PEOPLE_PAGE_SIZE).pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken()))
        .map(items -> items.stream().map(HireModels::interview).toList());
  }

  @Override
  public Future<Application> applicationNow(String applicationId) {
    return application(applicationId);
  }

  @Override
  public Future<JobTeam> jobTeam(String jobId) {
    return hirePath("hire.job.recruiter", jobId).compose(id -> calls.call("hire.job.recruiter",
            () -> client.hire().v1().job().recruiter(RecruiterJobReq.newBuilder().jobId(id).userIdType(OPEN_ID).build())))
        .map(d -> {
          var info = d == null ? null : d.getInfo();
          if (info == null) {
            return new JobTeam(jobId, "", List.of(), List.of());
          }
          return new JobTeam(jobId, nullToEmpty(info.getRecruiterId()), list(info.getHiringManagerIdList()),
              list(info.getAssistantIdList()));
        });
  }

  @Override
  public Future<List<TerminationReason>> terminationReasons() {
    return collect("hire.termination_reason.list", token -> () -> client.hire().v1().terminationReason().list(
            ListTerminationReasonReq.newBuilder().pageSize(REASONS_PAGE_SIZE).pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken()))
        .map(items -> items.stream().map(r -> new TerminationReason(r.getId(), zh(r.getName()), en(r.getName()),
            r.getTerminationType() == null ? 0 : r.getTerminationType(),
            r.getActiveStatus() == null || r.getActiveStatus() == 1)).toList());
  }

  @Override
  public Future<Void> transferStage(String applicationId, String stageId) {
    return hireId("hire.application.transfer_stage", stageId)
        .compose(ok -> hirePath("hire.application.transfer_stage", applicationId))
        .compose(id -> calls.call("hire.application.transfer_stage", () -> client.hire().v1().application()
            .transferStage(TransferStageApplicationReq.newBuilder().applicationId(id).transferStageApplicationReqBody(
                TransferStageApplicationReqBody.newBuilder().stageId(stageId).build()).build())))
        .mapEmpty();
  }

  @Override
  public Future<Void> terminate(String applicationId, int terminationType, List<String> reasonIds, String note) {
    return hirePath("hire.application.terminate", applicationId).compose(id -> calls.call(
            "hire.application.terminate", () -> client.hire().v1().application().terminate(
            TerminateApplicationReq.newBuilder().applicationId(id).terminateApplicationReqBody(
                TerminateApplicationReqBody.newBuilder().terminationType(terminationType)
                    .terminationReasonList(reasonIds.toArray(new String[0]))
                    .terminationReasonNote(note == null || note.isBlank() ? null : note).build()).build())))
        .mapEmpty();
  }

  @Override
  public Future<Void> recover(String applicationId) {
    return hirePath("hire.application.recover", applicationId).compose(id -> calls.call(
            "hire.application.recover", () -> client.hire().v1().application().recover(
            RecoverApplicationReq.newBuilder().applicationId(id).build())))
        .mapEmpty();
  }

  @Override
  public Future<String> createNote(String talentId, String applicationId, String creatorOpenId, String content) {
    return hireId("hire.note.create", talentId)
        .compose(ok -> applicationId == null ? Future.succeededFuture() : hireId("hire.note.create", applicationId))
        .compose(ok -> calls.call("hire.note.create", () -> client.hire().v1().note().create(CreateNoteReq.newBuilder()
            .userIdType(OPEN_ID)
            .note(com.lark.oapi.service.hire.v1.model.Note.newBuilder().talentId(talentId).applicationId(applicationId).creatorId(creatorOpenId)
                .content(content).privacy(NOTE_PUBLIC).build())
            .build())))
        .map(d -> d == null || d.getNote() == null ? "" : nullToEmpty(d.getNote().getId()));
  }

  /** A Hire id from a request, encoded for the URL path; a misshapen one fails without calling Hire. */
  private static Future<String> hirePath(String operation, String id) {
    return FeishuIds.pathSegment(operation, FeishuIds.Kind.HIRE, id);
  }

  /** A Hire id for a query parameter or body (the SDK encodes those), checked for its shape all the same. */
  private static Future<String> hireId(String operation, String id) {
    return FeishuIds.checked(operation, FeishuIds.Kind.HIRE, id);
  }

  private static List<String> list(String[] ids) {
    return ids == null ? List.of() : Arrays.stream(ids).filter(x -> x != null && !x.isEmpty()).toList();
  }

  private static String zh(I18n name) {
    return name == null ? "" : nullToEmpty(name.getZhCn());
  }

  private static String en(I18n name) {
    return name == null ? "" : nullToEmpty(name.getEnUs());
  }

  @Override
  public Future<Offer> offer(String offerId) {
    return hirePath("hire.offer.get", offerId).compose(id -> calls.<GetOfferRespBody, GetOfferResp>call(
            "hire.offer.get", () -> client.hire().v1().offer().get(GetOfferReq.newBuilder().offerId(id).build())))
        .compose(d -> d == null || d.getOffer() == null
            ? Future.failedFuture(new NotFoundException(NotFoundException.Kind.OFFER, offerId,
                "hire.offer.get answered without offer"))
            : Future.succeededFuture(offer(d.getOffer())));
  }

  private static Offer offer(com.lark.oapi.service.hire.v1.model.Offer o) {
    var basic = o.getBasicInfo();
    return new Offer(o.getId(), nullToEmpty(o.getApplicationId()), o.getOfferStatus() == null ? 0 : o.getOfferStatus(),
        basic == null ? "" : nullToEmpty(basic.getOnboardDate()), basic == null ? null : millis(basic.getCreateTime()));
  }

  @Override
  public Future<List<Offer>> offersOfTalent(String talentId) {
    return hireId("hire.offer.list", talentId).compose(ok -> collect("hire.offer.list", token -> () -> client.hire()
        .v1().offer().list(
            ListOfferReq.newBuilder().talentId(talentId).userIdType(OPEN_ID).pageSize(OFFERS_PAGE_SIZE)
                .pageToken(token).build()),
        d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken())))
        .map(items -> items.stream().map(o -> new Offer(o.getId(), nullToEmpty(o.getApplicationId()),
            o.getOfferStatus() == null ? 0 : o.getOfferStatus(), "",
            o.getCreateTime() == null ? null : EpochTimes.instant(o.getCreateTime()))).toList());
  }

  private static Application toApplication(GetDetailApplicationRespBody d) {
    ApplicationDetailBasicInfo b = d.getApplicationDetail().getBasicInfo();
    var talent = d.getApplicationDetail().getTalent();
    ApplicationStageInfo s = b.getStage();
    Stage stage = s == null ? Stage.OUTSIDE
        : new Stage(s.getId(), s.getZhName(), s.getEnName(),
            StageType.ofCode(s.getType() == null ? 8 : s.getType()));
    return new Application(b.getId(), b.getJobId(), b.getTalentId(),
        talent == null || talent.getName() == null ? "" : talent.getName(),
        stage, b.getActiveStatus() == null || b.getActiveStatus() == 1,
        millis(b.getCreateTime()), enteredAt(b.getStageTimeList(), stage.id()),
        HireModels.progress(b.getId(), d.getApplicationDetail()));
  }

  private static Instant enteredAt(ApplicationStageTime[] times, String stageId) {
    if (times == null) {
      return null;
    }
    Instant latest = null;
    for (ApplicationStageTime t : times) {
      Instant enter = millis(t.getEnterTime());
      if (stageId.equals(t.getStageId()) && enter != null && (latest == null || enter.isAfter(latest))) {
        latest = enter;
      }
    }
    return latest;
  }

  private static JobProcess toProcess(JobProcesses p) {
    List<Stage> stages = new ArrayList<>();
    if (p.getStageList() != null) {
      for (JobProcessesStage s : p.getStageList()) {
        stages.add(new Stage(s.getId(), s.getZhName(), s.getEnName(),
            StageType.ofCode(s.getType() == null ? 8 : s.getType())));
      }
    }
    return new JobProcess(p.getId(), p.getZhName(), p.getEnName(), stages);
  }

  /** Hire's task lists allow 20 items a page (all three pages say so). */
  static final int TASKS_PAGE_SIZE = 20;
  /** activity_status of a pending task: 1 待评估, 1 待阅卷, 2 未评价 (1 is an interview not yet held). */
  private static final int EVALUATION_PENDING = 1;
  private static final int MARKING_PENDING = 1;
  private static final int FEEDBACK_PENDING = 2;

  @Override
  public Future<List<HireTask>> pendingTasks(HireTask.Kind kind, String userOpenId) {
    return switch (kind) {
      case EVALUATION -> tasks("hire.evaluation_task.list", userOpenId, (user, token) -> () -> client.hire().v1()
          .evaluationTask().list(ListEvaluationTaskReq.newBuilder().userId(user).activityStatus(EVALUATION_PENDING)
              .userIdType(OPEN_ID).pageSize(TASKS_PAGE_SIZE).pageToken(token).build()),
          d -> Page.of(tasks(d.getItems(), t -> new HireTask(kind, t.getId(), t.getJobId(), t.getTalentId(),
              t.getApplicationId())), d.getHasMore(), d.getPageToken()));
      case EXAM_MARKING -> tasks("hire.exam_marking_task.list", userOpenId, (user, token) -> () -> client.hire().v1()
          .examMarkingTask().list(ListExamMarkingTaskReq.newBuilder().userId(user).activityStatus(MARKING_PENDING)
              .userIdType(OPEN_ID).pageSize(TASKS_PAGE_SIZE).pageToken(token).build()),
          d -> Page.of(tasks(d.getItems(), t -> new HireTask(kind, t.getId(), t.getJobId(), t.getTalentId(),
              t.getApplicationId())), d.getHasMore(), d.getPageToken()));
      case INTERVIEW_FEEDBACK -> tasks("hire.interview_task.list", userOpenId, (user, token) -> () -> client.hire()
          .v1().interviewTask().list(ListInterviewTaskReq.newBuilder().userId(user).activityStatus(FEEDBACK_PENDING)
              .userIdType(OPEN_ID).pageSize(TASKS_PAGE_SIZE).pageToken(token).build()),
          d -> Page.of(tasks(d.getItems(), t -> new HireTask(kind, t.getId(), t.getJobId(), t.getTalentId(),
              t.getApplicationId())), d.getHasMore(), d.getPageToken()));
    };
  }

  /** Every page of one user's task list ({@code user} checked as an open_id before Hire is asked). */
  private <D, R extends BaseResponse<D>> Future<List<HireTask>> tasks(String operation, String userOpenId,
      BiFunction<String, String, Callable<R>> request, Function<D, Page<HireTask>> read) {
    return openId(operation, userOpenId).compose(user -> collect(operation, token -> request.apply(user, token), read));
  }

  /** The SDK's three task models share their fields but no type: each is mapped by its own getters. */
  private static <T> HireTask[] tasks(T[] items, Function<T, HireTask> map) {
    return items == null ? null : Arrays.stream(items).map(map).toArray(HireTask[]::new);
  }

  /** A user's open_id for a query parameter, checked for its shape before Hire is asked. */
  private static Future<String> openId(String operation, String id) {
    return FeishuIds.checked(operation, FeishuIds.Kind.OPEN_ID, id);
  }

  /**
   * Follows page tokens until Hire says there is no more, collecting the items in order. A page_token Hire already
   * gave (has_more stuck in a loop) fails at once, as more than {@link #MAX_PAGES} pages do: following it again
   * would only read the same pages until the limit. Such a failure carries the X-Tt-Logid of the last page Hire
   * answered, so the user's error names a call an admin can look up, as for any failed call.
   *
   * @param request the SDK call for the page at a token (null for the first page)
   * @param read the page in Hire's answer
   */
  private <D, R extends BaseResponse<D>, T> Future<List<T>> collect(String operation,
      Function<String, Callable<R>> request, Function<D, Page<T>> read) {
    return collectFrom(operation, request, read, null, new ArrayList<>(), new HashSet<>());
  }

  private <D, R extends BaseResponse<D>, T> Future<List<T>> collectFrom(String operation,
      Function<String, Callable<R>> request, Function<D, Page<T>> read, String token, List<T> acc,
      Set<String> followed) {
    return calls.answered(operation, request.apply(token)).compose(answer -> {
      Page<T> page = read.apply(answer.data());
      acc.addAll(page.items());
      if (page.next() == null) {
        return Future.succeededFuture(once(operation, acc));
      }
      if (!followed.add(page.next())) {
        return Future.failedFuture(new FeishuApiException(operation, 200, -1,
            "page_token repeats: has_more never ends", answer.logId()));
      }
      if (followed.size() >= MAX_PAGES) {
        return Future.failedFuture(new FeishuApiException(operation, 200, -1,
            "more than " + MAX_PAGES + " pages", answer.logId()));
      }
      return collectFrom(operation, request, read, page.next(), acc, followed);
    });
  }

  /**
   * The items of a list each once, in Hire's order: a page may repeat items an earlier one gave (Hire's list moving
   * under its paging, or paging that loops and then recovers), and every count on a card is the size of such a list:
   * kept as given, a repeated page showed a job's 21 active as 42. An item is the same as another by its Hire id
   * ({@link #ID}), a string item by itself.
   */
  /**
   * How an item of a Hire list is told apart: the SDK's list item models (jobs, processes, interviews, notes, offers,
   * termination reasons) share no type, but each has Hire's {@code id} and its getter; anything else (an id string, a
   * record built from a page) by equality. Written tests have {@code getTestId} instead, so a repeated one stays, and
   * {@link #writtenTests} keeps one per application anyway.
   */
  private static final ClassValue<Function<Object, Object>> ID = new ClassValue<>() {
    @Override
    protected Function<Object, Object> computeValue(Class<?> type) {
      try {
        java.lang.reflect.Method getId = type.getMethod("getId");
        return item -> {
          try {
            Object id = getId.invoke(item);
            return id == null ? item : id;
          } catch (ReflectiveOperationException e) {
            return item;
          }
        };
      } catch (NoSuchMethodException e) {
        return item -> item;
      }
    }
  };

  private static <T> List<T> once(String operation, List<T> items) {
    Set<Object> seen = new HashSet<>();
    List<T> once = items.stream().filter(item -> seen.add(ID.get(item.getClass()).apply(item))).toList();
    if (once.size() < items.size()) {
      log.warn("hire list repeated items op={} items={} repeated={}", operation, once.size(),
          items.size() - once.size());
    }
    return once;
  }

  /** A Hire time (in milliseconds, or seconds: {@link EpochTimes#known}); null when absent, not set or no number. */
  static Instant millis(String ms) {
    if (ms == null || ms.isBlank()) {
      return null;
    }
    try {
      return EpochTimes.known(Long.parseLong(ms.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
