package io.hirebot.feishu.outbound;

import com.lark.oapi.Client;
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
import io.hirebot.error.FeishuApiException;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** {@link HireDirectory} over the Feishu SDK's Hire v1 API (reference/feishu-hire-api.md §2–§4). */
public final class FeishuHireDirectory implements HireDirectory {
  static final int JOBS_PAGE_SIZE = 20;
  static final int PROCESSES_PAGE_SIZE = 100;
  static final int APPLICATIONS_PAGE_SIZE = 100;
  /** Stops a misbehaving has_more loop; 200 pages of 100 is far beyond any job's pipeline. */
  static final int MAX_PAGES = 200;
  private static final String[] DETAIL_OPTIONS = {"with_talent"};

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
    return collect("hire.job.list", token -> calls.call("hire.job.list", () -> client.hire().v1().job().list(
            ListJobReq.newBuilder().pageSize(JOBS_PAGE_SIZE).pageToken(token).build()))
        .map(d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken())))
        .map(items -> items.stream()
            .map(j -> new Job(j.getId(), nullToEmpty(j.getCode()), nullToEmpty(j.getTitle()),
                j.getProcessId(), j.getActiveStatus() == null || j.getActiveStatus() == 1))
            .toList());
  }

  @Override
  public Future<List<JobProcess>> processes() {
    return collect("hire.job_process.list", token -> calls.call("hire.job_process.list",
            () -> client.hire().v1().jobProcess().list(
                ListJobProcessReq.newBuilder().pageSize(PROCESSES_PAGE_SIZE).pageToken(token).build()))
        .map(d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken())))
        .map(items -> items.stream().map(FeishuHireDirectory::toProcess).toList());
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId, String stageId) {
    return collect("hire.application.list", token -> calls.call("hire.application.list",
            () -> client.hire().v1().application().list(ListApplicationReq.newBuilder()
                .jobId(jobId).stageId(stageId).activeStatus("1")
                .pageSize(APPLICATIONS_PAGE_SIZE).pageToken(token).build()))
        .map(d -> Page.of(d.getItems(), d.getHasMore(), d.getPageToken())));
  }

  @Override
  public Future<Application> application(String applicationId) {
    return calls.<GetDetailApplicationRespBody, com.lark.oapi.service.hire.v1.model.GetDetailApplicationResp>call(
            "hire.application.get_detail",
            () -> client.hire().v1().application().getDetail(GetDetailApplicationReq.newBuilder()
                .applicationId(applicationId).options(DETAIL_OPTIONS).build()))
        .compose(d -> d == null || d.getApplicationDetail() == null
            || d.getApplicationDetail().getBasicInfo() == null
            ? Future.failedFuture(new FeishuApiException("hire.application.get_detail", 200, -1,
                "empty application_detail for " + applicationId, ""))
            : Future.succeededFuture(toApplication(d)));
  }

  @Override
  public Future<Offer> offer(String offerId) {
    return calls.<GetOfferRespBody, GetOfferResp>call("hire.offer.get",
            () -> client.hire().v1().offer().get(GetOfferReq.newBuilder().offerId(offerId).build()))
        .compose(d -> d == null || d.getOffer() == null
            ? Future.failedFuture(new FeishuApiException("hire.offer.get", 200, -1, "empty offer for " + offerId, ""))
            : Future.succeededFuture(new Offer(d.getOffer().getId(), d.getOffer().getApplicationId(),
                d.getOffer().getOfferStatus())));
  }

  private static Application toApplication(GetDetailApplicationRespBody d) {
    ApplicationDetailBasicInfo b = d.getApplicationDetail().getBasicInfo();
    var talent = d.getApplicationDetail().getTalent();
    ApplicationStageInfo s = b.getStage();
    Stage stage = s == null ? new Stage("", "", "", StageType.OTHER)
        : new Stage(s.getId(), s.getZhName(), s.getEnName(),
            StageType.ofCode(s.getType() == null ? 8 : s.getType()));
    return new Application(b.getId(), b.getJobId(), b.getTalentId(),
        talent == null || talent.getName() == null ? "" : talent.getName(),
        stage, b.getActiveStatus() == null || b.getActiveStatus() == 1,
        millis(b.getCreateTime()), enteredAt(b.getStageTimeList(), stage.id()));
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

  /** Follows page tokens until Hire says there is no more, collecting the items in order. */
  private <T> Future<List<T>> collect(String operation, Function<String, Future<Page<T>>> fetch) {
    return collectFrom(operation, fetch, null, new ArrayList<>(), 0);
  }

  private <T> Future<List<T>> collectFrom(String operation, Function<String, Future<Page<T>>> fetch,
      String token, List<T> acc, int pages) {
    return fetch.apply(token).compose(page -> {
      acc.addAll(page.items());
      if (page.next() == null) {
        return Future.succeededFuture(List.copyOf(acc));
      }
      if (pages + 1 >= MAX_PAGES) {
        return Future.failedFuture(new FeishuApiException(operation, 200, -1,
            "more than " + MAX_PAGES + " pages", ""));
      }
      return collectFrom(operation, fetch, page.next(), acc, pages + 1);
    });
  }

  private static Instant millis(String ms) {
    if (ms == null || ms.isBlank()) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(ms.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
