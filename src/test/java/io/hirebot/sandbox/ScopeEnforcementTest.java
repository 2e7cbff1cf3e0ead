package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.Client;
import com.lark.oapi.core.response.error.ErrorPermissionViolation;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationReq;
import com.lark.oapi.service.hire.v1.model.GetDetailApplicationResp;
import com.lark.oapi.service.hire.v1.model.ListJobReq;
import com.lark.oapi.service.hire.v1.model.ListJobResp;
import com.lark.oapi.service.hire.v1.model.ListNoteReq;
import com.lark.oapi.service.hire.v1.model.ListNoteResp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox tenant's scopes: what Feishu answers a call, a field and an event the app has no scope for. */
class ScopeEnforcementTest {

  @RegisterExtension
  static final SandboxFixture fixture = SandboxFixture.start(SandboxConfig.defaults()).resettingEachTest();
  private static final FeishuSandbox sandbox = fixture.sandbox;
  private static final Client client = fixture.sdk;

  private String anyApplication() {
    return sandbox.hire().applicationsOfJob(sandbox.hire().jobByCode("BE-001").orElseThrow().id()).get(0).id();
  }

  @Test
  @DisplayName("a call without any of its scopes gets HTTP 400, 99991672 and one permission violation per acceptable scope")
  void missingScope() throws Exception {
    sandbox.scopes().revoke("hire:note:readonly", "hire:note");
    String talent = sandbox.hire().application(anyApplication()).orElseThrow().talentId();
    ListNoteResp resp = client.hire().v1().note().list(ListNoteReq.newBuilder().talentId(talent).build());
    assertEquals(99991672, resp.getCode());
    assertEquals(400, resp.getRawResponse().getStatusCode());
    assertTrue(resp.getMsg().startsWith("Access denied. One of the following scopes is required: [hire:note:readonly, hire:note]"),
        resp.getMsg());
    List<String> subjects = Arrays.stream(resp.getError().getPermissionViolations())
        .peek(v -> assertEquals("action_scope_required", v.getType()))
        .map(ErrorPermissionViolation::getSubject).toList();
    assertEquals(List.of("hire:note:readonly", "hire:note"), subjects);
    assertNotNull(resp.getRequestId(), "the refusal carries a log id");
  }

  @Test
  @DisplayName("any one of the acceptable scopes is enough; by default every scope is granted")
  void anyOf() throws Exception {
    assertEquals(0, client.hire().v1().job().list(ListJobReq.newBuilder().build()).getCode());
    sandbox.scopes().only(List.of("hire:note"));
    String talent = sandbox.hire().application(anyApplication()).orElseThrow().talentId();
    assertEquals(0, client.hire().v1().note().list(ListNoteReq.newBuilder().talentId(talent).build()).getCode());
    ListJobResp jobs = client.hire().v1().job().list(ListJobReq.newBuilder().build());
    assertEquals(99991672, jobs.getCode());
  }

  @Test
  @DisplayName("get_detail without the interview and offer scopes answers, leaving those fields out")
  void fieldsLeftOut() throws Exception {
    String[] options = {"with_talent", "with_interview", "with_offer"};
    String app = sandbox.hire().applicationsOfJob(sandbox.hire().jobByCode("BE-001").orElseThrow().id()).stream()
        .filter(a -> sandbox.hire().offers().stream().anyMatch(o -> o.applicationId().equals(a.id())))
        .findFirst().orElseThrow().id();
    GetDetailApplicationResp full = client.hire().v1().application().getDetail(
        GetDetailApplicationReq.newBuilder().applicationId(app).options(options).build());
    assertNotNull(full.getData().getApplicationDetail().getOffer());
    assertNotNull(full.getData().getApplicationDetail().getInterviewAggregation());
    sandbox.scopes().revoke("hire:interview:readonly", "hire:interview", "hire:offer:readonly", "hire:offer",
        "hire:offer:low_sensitive_info:readonly");
    GetDetailApplicationResp partial = client.hire().v1().application().getDetail(
        GetDetailApplicationReq.newBuilder().applicationId(app).options(options).build());
    assertEquals(0, partial.getCode());
    assertNull(partial.getData().getApplicationDetail().getOffer());
    assertNull(partial.getData().getApplicationDetail().getInterviewAggregation());
    assertNotNull(partial.getData().getApplicationDetail().getTalent(), "talent scope still granted");
  }

  @Test
  @DisplayName("an event the app has no scope for is not delivered")
  void eventsNeedTheirScope() {
    sandbox.scopes().revoke("im:message.p2p_msg:readonly", "im:message.p2p_msg");
    PushResult p2p = await(sandbox.events().message(MessageSpec.p2p("ou_someone").text("jobs")));
    assertFalse(p2p.delivered());
    assertTrue(p2p.violations().get(0).contains("im:message.p2p_msg:readonly"), p2p.violations().toString());
  }
}
