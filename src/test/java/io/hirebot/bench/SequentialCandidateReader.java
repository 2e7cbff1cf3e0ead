package io.hirebot.bench;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationReq;
import com.lark.oapi.service.hire.v1.model.GetTalentReq;
import com.lark.oapi.service.hire.v1.model.ListApplicationReq;
import com.lark.oapi.service.hire.v1.model.ListApplicationRespBody;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The naive way to show a job's candidates, kept only as the benchmark's baseline: blocking SDK calls one
 * after another, no cache, no parallelism — every application id, then each application's detail, then
 * each talent's name. The bot never uses it; the caller's thread blocks.
 */
public final class SequentialCandidateReader {
  private static final int PAGE_SIZE = 100;

  private final Client client;

  public SequentialCandidateReader(String appId, String appSecret, String baseUrl) {
    this.client = Client.newBuilder(appId, appSecret).openBaseUrl(baseUrl).logReqAtDebug(false).build();
  }

  /** The names of the job's active candidates, in Hire's order. */
  public List<String> candidateNames(String jobId) {
    List<String> names = new ArrayList<>();
    for (String applicationId : applicationIds(jobId)) {
      String talentId = data(() -> client.hire().v1().application().getDetail(
              GetDetailApplicationReq.newBuilder().applicationId(applicationId).build()))
          .getApplicationDetail().getBasicInfo().getTalentId();
      names.add(data(() -> client.hire().v1().talent().get(GetTalentReq.newBuilder().talentId(talentId).build()))
          .getTalent().getBasicInfo().getName());
    }
    return names;
  }

  private List<String> applicationIds(String jobId) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String page = token;
      ListApplicationRespBody d = data(() -> client.hire().v1().application().list(ListApplicationReq.newBuilder()
          .jobId(jobId).activeStatus("1").pageSize(PAGE_SIZE).pageToken(page).build()));
      if (d.getItems() != null) {
        ids.addAll(List.of(d.getItems()));
      }
      token = Boolean.TRUE.equals(d.getHasMore()) ? d.getPageToken() : null;
    } while (token != null && !token.isEmpty());
    return ids;
  }

  private static <D, R extends BaseResponse<D>> D data(Callable<R> call) {
    R resp;
    try {
      resp = call.call();
    } catch (Exception e) {
      throw new IllegalStateException("SDK call failed: " + e, e);
    }
    if (!resp.success()) {
      throw new IllegalStateException("Feishu answered code " + resp.getCode() + ": " + resp.getMsg());
    }
    return resp.getData();
  }
}
