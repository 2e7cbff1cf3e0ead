package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.Client;
import com.lark.oapi.service.hire.v1.model.Application;
import com.lark.oapi.service.hire.v1.model.GetApplicationReq;
import com.lark.oapi.service.hire.v1.model.GetApplicationResp;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationReq;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationResp;
import com.lark.oapi.service.hire.v1.model.GetDetailJobReq;
import com.lark.oapi.service.hire.v1.model.GetDetailJobResp;
import com.lark.oapi.service.hire.v1.model.GetTalentReq;
import com.lark.oapi.service.hire.v1.model.GetTalentResp;
import com.lark.oapi.service.hire.v1.model.Job;
import com.lark.oapi.service.hire.v1.model.JobProcesses;
import com.lark.oapi.service.hire.v1.model.ListApplicationReq;
import com.lark.oapi.service.hire.v1.model.ListApplicationResp;
import com.lark.oapi.service.hire.v1.model.ListInterviewReq;
import com.lark.oapi.service.hire.v1.model.ListInterviewResp;
import com.lark.oapi.service.hire.v1.model.ListJobProcessReq;
import com.lark.oapi.service.hire.v1.model.ListJobProcessResp;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import com.lark.oapi.service.hire.v1.model.ListJobResp;
import com.lark.oapi.service.hire.v1.model.ListTerminationReasonReq;
import com.lark.oapi.service.hire.v1.model.ListTerminationReasonResp;
import com.lark.oapi.service.hire.v1.model.TerminateApplicationReq;
import com.lark.oapi.service.hire.v1.model.TerminateApplicationReqBody;
import com.lark.oapi.service.hire.v1.model.TerminateApplicationResp;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationReq;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationReqBody;
import com.lark.oapi.service.hire.v1.model.TransferStageApplicationResp;
import io.hirebot.sandbox.hire.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real oapi-sdk 2.5.3 client reads the sandbox's Hire API into its own models. */
class SdkHireFidelityTest {

  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults()).resettingEachTest();
  private static final FeishuSandbox sandbox = fixture.sandbox;
  private static final Client client = fixture.sdk;

  private Job backend() {
    return sandbox.hire().jobByCode("BE-001").map(j -> {
      Job job = new Job();
      job.setId(j.id());
      return job;
    }).orElseThrow();
  }

  @Test
  @DisplayName("jobs list pages through every demo job with has_more / page_token, parsed into SDK Job models")
  void jobsList() throws Exception {
    List<Job> all = new ArrayList<>();
    String token = null;
    do {
      ListJobResp resp = client.hire().v1().job().list(ListJobReq.newBuilder().pageSize(5).pageToken(token).build());
      assertTrue(resp.success(), resp.getMsg());
      all.addAll(Arrays.asList(resp.getData().getItems()));
      token = resp.getData().getHasMore() ? resp.getData().getPageToken() : null;
    } while (token != null);
    assertEquals(sandbox.hire().jobs().size(), all.size());
    assertTrue(all.stream().anyMatch(j -> "后端开发工程师".equals(j.getTitle()) && "BE-002".equals(j.getCode())));
    Job first = all.get(0);
    assertEquals(19, first.getId().length());
    assertNotNull(first.getProcessId());
    assertEquals(1, first.getActiveStatus());
    assertNotNull(first.getCreateTimestamp());
    assertTrue(sandbox.requests().count("POST", "/open-apis/auth/v3/tenant_access_token/internal") <= 1);
  }

  @Test
  @DisplayName("page_size above 20 on jobs is refused with 1002002")
  void jobsPageSizeLimit() throws Exception {
    ListJobResp resp = client.hire().v1().job().list(ListJobReq.newBuilder().pageSize(21).build());
    assertEquals(1002002, resp.getCode());
    assertEquals(400, resp.getRawResponse().getStatusCode());
  }

  @Test
  @DisplayName("job get_detail gives the recruiter and hiring managers with names")
  void jobDetail() throws Exception {
    GetDetailJobResp resp = client.hire().v1().job().getDetail(GetDetailJobReq.newBuilder().jobId(backend().getId()).build());
    assertTrue(resp.success(), resp.getMsg());
    assertEquals("ou_recruiter_li", resp.getData().getJobDetail().getRecruiter().getId());
    assertEquals("李娜", resp.getData().getJobDetail().getRecruiter().getName().getZhCn());
    assertEquals("Backend Engineer", resp.getData().getJobDetail().getBasicInfo().getTitle());
  }

  @Test
  @DisplayName("job_processes lists both processes with ordered stages covering every stage type")
  void processes() throws Exception {
    ListJobProcessResp resp = client.hire().v1().jobProcess().list(ListJobProcessReq.newBuilder().pageSize(100).build());
    assertTrue(resp.success(), resp.getMsg());
    JobProcesses[] items = resp.getData().getItems();
    assertEquals(2, items.length);
    assertEquals(8, items[0].getStageList().length);
    assertEquals("简历筛选", items[0].getStageList()[0].getZhName());
    for (int type = 1; type <= 7; type++) {
      int t = type;
      assertTrue(Arrays.stream(items[0].getStageList()).anyMatch(s -> s.getType() == t), "type " + t);
    }
  }

  @Test
  @DisplayName("applications list returns ids only; get_detail with options gives talent name, job and stage")
  void applicationsAndDetail() throws Exception {
    String jobId = backend().getId();
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      ListApplicationResp resp = client.hire().v1().application().list(ListApplicationReq.newBuilder()
          .jobId(jobId).pageSize(10).pageToken(token).build());
      assertTrue(resp.success(), resp.getMsg());
      ids.addAll(Arrays.asList(resp.getData().getItems()));
      token = resp.getData().getHasMore() ? resp.getData().getPageToken() : null;
    } while (token != null);
    assertEquals(28, ids.size());

    GetDetailApplicationResp detail = client.hire().v1().application().getDetail(GetDetailApplicationReq.newBuilder()
        .applicationId(ids.get(0)).options(new String[] {"with_talent", "with_job", "with_interview", "with_offer"}).build());
    assertTrue(detail.success(), detail.getMsg());
    var d = detail.getData().getApplicationDetail();
    String talentId = d.getBasicInfo().getTalentId();
    assertEquals(sandbox.hire().talent(talentId).orElseThrow().name(), d.getTalent().getName());
    assertEquals("BE-001", d.getJob().getCode());
    assertNotNull(d.getBasicInfo().getStage().getType());

    GetDetailApplicationResp bare = client.hire().v1().application().getDetail(GetDetailApplicationReq.newBuilder()
        .applicationId(ids.get(0)).build());
    assertNull(bare.getData().getApplicationDetail().getTalent());
  }

  @Test
  @DisplayName("application get has stage, ms-string times and stage_time_list; unknown ids give 1002201")
  void applicationGet() throws Exception {
    String id = sandbox.hire().applications().get(0).id();
    GetApplicationResp resp = client.hire().v1().application().get(GetApplicationReq.newBuilder().applicationId(id).build());
    Application a = resp.getData().getApplication();
    assertEquals(id, a.getId());
    assertTrue(a.getCreateTime().matches("\\d{13}"));
    assertTrue(a.getStageTimeList().length >= 1);
    GetApplicationResp missing = client.hire().v1().application().get(GetApplicationReq.newBuilder()
        .applicationId("7499999999999999999").build());
    assertEquals(1002201, missing.getCode());
    assertNotNull(missing.getRequestId());
  }

  @Test
  @DisplayName("transfer_stage moves an application, refuses the onboarded stage (1002205) and foreign stages")
  void transferStage() throws Exception {
    var app = sandbox.hire().applications().stream().filter(a -> a.active()).findFirst().orElseThrow();
    List<Stage> stages = sandbox.hire().stagesOf(app.jobId());
    Stage interview = stages.stream().filter(s -> s.type() == Stage.INTERVIEW).findFirst().orElseThrow();
    TransferStageApplicationResp ok = transfer(app.id(), interview.id());
    assertTrue(ok.success(), ok.getMsg());
    assertEquals(interview.id(), sandbox.hire().application(app.id()).orElseThrow().stageId());

    Stage onboarded = stages.stream().filter(s -> s.type() == Stage.ONBOARDED).findFirst().orElseThrow();
    assertEquals(1002205, transfer(app.id(), onboarded.id()).getCode());
    assertFalse(transfer(app.id(), "7199999999999999999").success());
  }

  @Test
  @DisplayName("terminate needs a valid type and matching reasons; a terminated application cannot be moved")
  void terminate() throws Exception {
    var app = sandbox.hire().applications().stream().filter(a -> a.active()
        && sandbox.hire().stagesOf(a.jobId()).stream().anyMatch(s -> s.id().equals(a.stageId()) && s.type() < 5))
        .findFirst().orElseThrow();
    ListTerminationReasonResp reasons = client.hire().v1().terminationReason().list(
        ListTerminationReasonReq.newBuilder().pageSize(50).build());
    String reason = Arrays.stream(reasons.getData().getItems()).filter(r -> r.getTerminationType() == 1)
        .findFirst().orElseThrow().getId();
    TerminateApplicationResp bad = client.hire().v1().application().terminate(TerminateApplicationReq.newBuilder()
        .applicationId(app.id()).terminateApplicationReqBody(TerminateApplicationReqBody.newBuilder()
            .terminationType(5).build()).build());
    assertEquals(1002002, bad.getCode());
    TerminateApplicationResp ok = client.hire().v1().application().terminate(TerminateApplicationReq.newBuilder()
        .applicationId(app.id()).terminateApplicationReqBody(TerminateApplicationReqBody.newBuilder()
            .terminationType(1).terminationReasonList(new String[] {reason}).terminationReasonNote("not a fit").build()).build());
    assertTrue(ok.success(), ok.getMsg());
    assertEquals(2, sandbox.hire().application(app.id()).orElseThrow().activeStatus());
    assertEquals(1002205, transfer(app.id(), app.stageId()).getCode());
  }

  @Test
  @DisplayName("terminate refuses a hire (1002205): an onboarded application, and one Hire says joined (an employee "
      + "record) while still in pending onboarding; pending onboarding itself can be terminated")
  void terminateRefusesAHire() throws Exception {
    String reason = Arrays.stream(client.hire().v1().terminationReason().list(ListTerminationReasonReq.newBuilder()
        .pageSize(50).build()).getData().getItems()).filter(r -> r.getTerminationType() == 1).findFirst().orElseThrow()
        .getId();
    var hire = sandbox.hire();
    var onboarded = hire.applications().stream().filter(a -> a.active() && stageType(a) == Stage.ONBOARDED)
        .findFirst().orElseThrow();
    List<io.hirebot.sandbox.hire.Application> pending = hire.applications().stream()
        .filter(a -> a.active() && stageType(a) == Stage.PENDING_ONBOARD).limit(2).toList();
    assertEquals(2, pending.size(), "the demo has two people in pending onboarding");
    var joined = pending.get(0);
    hire.write(d -> d.recordOnboarding(joined.id(), System.currentTimeMillis()));

    assertEquals(1002205, terminate(onboarded.id(), reason).getCode());
    assertEquals(1002205, terminate(joined.id(), reason).getCode());
    assertTrue(terminate(pending.get(1).id(), reason).success());
  }

  private int stageType(io.hirebot.sandbox.hire.Application a) {
    return sandbox.hire().stagesOf(a.jobId()).stream().filter(s -> s.id().equals(a.stageId())).findFirst()
        .orElseThrow().type();
  }

  private TerminateApplicationResp terminate(String appId, String reason) throws Exception {
    return client.hire().v1().application().terminate(TerminateApplicationReq.newBuilder().applicationId(appId)
        .terminateApplicationReqBody(TerminateApplicationReqBody.newBuilder().terminationType(1)
            .terminationReasonList(new String[] {reason}).build()).build());
  }

  @Test
  @DisplayName("talent v1 get and interviews list parse; interviews without a filter give 1002002")
  void talentsAndInterviews() throws Exception {
    var talent = sandbox.hire().talents().get(0);
    GetTalentResp t = client.hire().v1().talent().get(GetTalentReq.newBuilder().talentId(talent.id()).build());
    assertEquals(talent.name(), t.getData().getTalent().getBasicInfo().getName());
    assertEquals(1002208, client.hire().v1().talent().get(GetTalentReq.newBuilder().talentId("7399999999999999999").build()).getCode());
    var v2 = client.hire().v2().talent().get(com.lark.oapi.service.hire.v2.model.GetTalentReq.newBuilder()
        .talentId(talent.id()).build());
    assertEquals(talent.email(), v2.getData().getBasicInfo().getEmail());

    ListInterviewResp none = client.hire().v1().interview().list(ListInterviewReq.newBuilder().build());
    assertEquals(1002002, none.getCode());
    long now = System.currentTimeMillis();
    ListInterviewResp week = client.hire().v1().interview().list(ListInterviewReq.newBuilder()
        .startTime(String.valueOf(now - 86_400_000L * 2)).endTime(String.valueOf(now + 86_400_000L * 5)).pageSize(100).build());
    assertTrue(week.success(), week.getMsg());
    assertTrue(week.getData().getItems().length > 3);
    assertNotNull(week.getData().getItems()[0].getInterviewRecordList()[0].getInterviewer().getName().getZhCn());
  }

  @Test
  @DisplayName("a talent search that finds nobody is an error (1002102) unless query_option=ignore_empty_error")
  void emptyTalentSearch() throws Exception {
    var nobody = com.lark.oapi.service.hire.v1.model.ListTalentReq.newBuilder().keyword("nobody-by-this-name");
    var strict = client.hire().v1().talent().list(nobody.build());
    assertEquals(1002102, strict.getCode());
    var lenient = client.hire().v1().talent().list(nobody.queryOption("ignore_empty_error").build());
    assertTrue(lenient.success(), lenient.getMsg());
    assertTrue(lenient.getData().getItems() == null || lenient.getData().getItems().length == 0);
    var someone = client.hire().v1().talent().list(com.lark.oapi.service.hire.v1.model.ListTalentReq.newBuilder()
        .keyword(sandbox.hire().talents().get(0).name()).build());
    assertTrue(someone.success(), someone.getMsg());
  }

  private TransferStageApplicationResp transfer(String appId, String stageId) throws Exception {
    return client.hire().v1().application().transferStage(TransferStageApplicationReq.newBuilder().applicationId(appId)
        .transferStageApplicationReqBody(TransferStageApplicationReqBody.newBuilder().stageId(stageId).build()).build());
  }
}
