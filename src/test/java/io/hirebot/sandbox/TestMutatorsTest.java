package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.Client;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationReq;
import com.lark.oapi.service.hire.v1.model.ListApplicationReq;
import com.lark.oapi.service.hire.v1.model.ListInterviewReq;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test-side mutators and faults on a sandbox without the demo tenant. */
class TestMutatorsTest {

  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults().withSeedDemoTenant(false)
      .withEncryptKey(null));
  private static final FeishuSandbox sandbox = fixture.sandbox;
  private static final Client client = fixture.sdk;

  @Test
  @DisplayName("An empty tenant grows through the mutators and the SDK sees every change; reset empties it again")
  void mutators() throws Exception {
    assertEquals(0, client.hire().v1().job().list(ListJobReq.newBuilder().build()).getData().getItems().length);
    assertTrue(sandbox.im().chats().isEmpty());
    JobProcess process = sandbox.hire().addProcess(
        DemoTenant.seed(sandbox.config().clock()).processes.values().iterator().next());
    Job job = sandbox.hire().addJob("Platform Engineer", "PE-001", process.id(), "ou_recruiter_li", "ou_hm_zhang");
    Talent talent = sandbox.hire().addTalent("王小明", "13800000000", "xiaoming@example.com");
    Application app = sandbox.hire().addApplication(job.id(), talent.id(), process.stages().get(0).id());
    sandbox.hire().moveApplication(app.id(), process.stages().get(3).id());
    long begin = sandbox.config().clock().millis() + 3_600_000L;
    sandbox.hire().addInterview(app.id(), begin, "ou_interviewer_liu");
    sandbox.hire().addOffer(app.id(), 2);

    String[] ids = client.hire().v1().application().list(ListApplicationReq.newBuilder().jobId(job.id()).build())
        .getData().getItems();
    assertEquals(1, ids.length);
    var detail = client.hire().v1().application().getDetail(GetDetailApplicationReq.newBuilder().applicationId(ids[0])
        .options(new String[] {"with_talent", "with_offer"}).build()).getData().getApplicationDetail();
    assertEquals("王小明", detail.getTalent().getName());
    assertEquals(process.stages().get(3).id(), detail.getBasicInfo().getStage().getId());
    assertEquals(2, detail.getBasicInfo().getStageTimeList().length);
    assertEquals(2, detail.getOffer().getOfferBasic().getOfferStatus());
    var interviews = client.hire().v1().interview().list(ListInterviewReq.newBuilder().applicationId(app.id()).build());
    assertEquals(begin, interviews.getData().getItems()[0].getBeginTime());

    sandbox.hire().reset();
    assertTrue(sandbox.hire().jobs().isEmpty());
  }

  @Test
  @DisplayName("Onboarding is Hire's record, as Feishu keeps it: moving into Onboarded joins now (employee record, "
      + "basic_info.onboard_status 2), out of it undoes that; a join recorded late keeps its real onboard_time")
  void onboardingRecords() throws Exception {
    JobProcess process = sandbox.hire().addProcess(
        DemoTenant.seed(sandbox.config().clock()).processes.values().iterator().next());
    Job job = sandbox.hire().addJob("Ops Engineer", "OP-001", process.id(), "ou_recruiter_li", "ou_hm_zhang");
    String pending = process.stages().stream().filter(s -> s.type() == Stage.PENDING_ONBOARD).findFirst()
        .orElseThrow().id();
    String onboarded = process.stages().stream().filter(s -> s.type() == Stage.ONBOARDED).findFirst().orElseThrow()
        .id();
    Application moved = sandbox.hire().addApplication(job.id(),
        sandbox.hire().addTalent("李新", "13800000001", "lixin@example.com").id(), pending);
    assertEquals(1, detail(moved.id()).getBasicInfo().getOnboardStatus(), "pending onboarding: not joined");
    assertEquals(null, detail(moved.id()).getEmployee());

    long now = sandbox.config().clock().millis();
    sandbox.hire().moveApplication(moved.id(), onboarded);
    var joined = detail(moved.id());
    assertEquals(2, joined.getBasicInfo().getOnboardStatus());
    assertEquals(1, joined.getEmployee().getOnboardStatus());
    assertTrue(Long.parseLong(joined.getEmployee().getOnboardTime()) >= now, joined.getEmployee().getOnboardTime());
    sandbox.hire().moveApplication(moved.id(), pending);
    assertEquals(1, detail(moved.id()).getBasicInfo().getOnboardStatus(), "onboarding undone");
    assertEquals(null, detail(moved.id()).getEmployee());

    Application late = sandbox.hire().addApplication(job.id(),
        sandbox.hire().addTalent("Late Record", "13800000002", "late@example.com").id(), pending);
    long monthAgo = now - Duration.ofDays(30).toMillis();
    sandbox.hire().onboard(late.id(), monthAgo);
    var recorded = detail(late.id());
    assertEquals(onboarded, recorded.getBasicInfo().getStage().getId());
    assertEquals(2, recorded.getBasicInfo().getOnboardStatus());
    assertEquals(String.valueOf(monthAgo), recorded.getEmployee().getOnboardTime(), "the real join time");
    assertTrue(Long.parseLong(recorded.getBasicInfo().getModifyTime()) >= now, "the application was updated now");
    sandbox.hire().reset();
  }

  private static com.lark.oapi.service.hire.v1.model.ApplicationDetailInfo detail(String applicationId)
      throws Exception {
    return client.hire().v1().application().getDetail(GetDetailApplicationReq.newBuilder().applicationId(applicationId)
        .options(new String[] {"with_employee"}).build()).getData().getApplicationDetail();
  }

  @Test
  @DisplayName("failAlways holds until clear(); latency by path; RequestLog.await sees the next matching request")
  void faults() throws Exception {
    sandbox.faults().failAlways("GET", "/open-apis/hire/v1/jobs", 400, 99991672, "Access denied. One of the scopes is required");
    assertEquals(99991672, client.hire().v1().job().list(ListJobReq.newBuilder().build()).getCode());
    assertEquals(99991672, client.hire().v1().job().list(ListJobReq.newBuilder().build()).getCode());
    sandbox.faults().clear();
    assertTrue(client.hire().v1().job().list(ListJobReq.newBuilder().build()).success());

    var next = sandbox.requests().await(r -> r.is("GET", "/open-apis/hire/v1/job_processes"), Duration.ofSeconds(5));
    sandbox.faults().latency("/open-apis/hire/v1/job_processes", Duration.ofMillis(200));
    long start = System.nanoTime();
    client.hire().v1().jobProcess().list(com.lark.oapi.service.hire.v1.model.ListJobProcessReq.newBuilder().build());
    assertTrue(System.nanoTime() - start >= 200_000_000L);
    assertEquals(200, await(next).status());
  }

  @Test
  @DisplayName("outage faults switched over HTTP: a 429 with its reset header, a non-JSON 502 with X-Tt-Logid the SDK "
      + "cannot parse, per path, then clear; a bad switch is a 400")
  void outageFaults() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    assertEquals(200, switchFault(http, "{\"fault\":\"rate_limit\",\"reset_seconds\":7}").statusCode());
    HttpResponse<String> limited = get(http, "/open-apis/hire/v1/jobs");
    assertEquals(429, limited.statusCode());
    assertEquals("7", limited.headers().firstValue("x-ogw-ratelimit-reset").orElse(""));
    assertEquals(99991400, new JsonObject(limited.body()).getInteger("code"));

    switchFault(http, "{\"fault\":\"clear\"}");
    switchFault(http, "{\"fault\":\"bad_gateway\",\"path\":\"/open-apis/hire/v1/jobs\"}");
    HttpResponse<String> page = get(http, "/open-apis/hire/v1/jobs");
    assertEquals(502, page.statusCode());
    assertTrue(page.body().startsWith("<html>"), page.body());
    assertTrue(page.headers().firstValue("X-Tt-Logid").isPresent());
    assertThrows(Exception.class, () -> client.hire().v1().job().list(ListJobReq.newBuilder().build()),
        "the SDK cannot read an HTML body");
    assertEquals(400, get(http, "/open-apis/hire/v1/job_processes").statusCode(), "other paths are untouched");

    assertEquals(400, switchFault(http, "{\"fault\":\"flood\"}").statusCode());
    assertEquals(400, switchFault(http, "{\"fault\":\"hang\",\"path\":\"(\"}").statusCode());
    switchFault(http, "{\"fault\":\"clear\"}");
    assertTrue(client.hire().v1().job().list(ListJobReq.newBuilder().build()).success());
  }

  @Test
  @DisplayName("switched faults add up, and every answer (and GET /sandbox/faults) lists those now on, until clear")
  void activeFaultsListed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try {
      switchFault(http, "{\"fault\":\"clear\"}"); // another test's latency may still be on
      switchFault(http, "{\"fault\":\"hang\",\"path\":\"/open-apis/hire/v1/talents.*\"}");
      JsonObject both = new JsonObject(switchFault(http, "{\"fault\":\"rate_limit\",\"reset_seconds\":3}").body());
      assertEquals("rate_limit", both.getString("fault"));
      var active = both.getJsonArray("active");
      assertEquals(2, active.size(), both.encode());
      assertEquals("hang", active.getJsonObject(0).getString("fault"), both.encode());
      assertEquals("/open-apis/hire/v1/talents.*", active.getJsonObject(0).getString("path"), both.encode());
      assertEquals("rate_limit", active.getJsonObject(1).getString("fault"), both.encode());
      assertEquals(3, active.getJsonObject(1).getInteger("reset_seconds"), both.encode());
      HttpResponse<String> listed = get(http, "/sandbox/faults");
      assertEquals(200, listed.statusCode());
      assertEquals(active, new JsonObject(listed.body()).getJsonArray("active"));

      JsonObject cleared = new JsonObject(switchFault(http, "{\"fault\":\"clear\"}").body());
      assertTrue(cleared.getJsonArray("active").isEmpty(), cleared.encode());
    } finally {
      switchFault(http, "{\"fault\":\"clear\"}");
    }
  }

  private static HttpResponse<String> switchFault(HttpClient http, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/faults"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
