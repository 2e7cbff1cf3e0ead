package io.hirebot.bot.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.access.AuditEntry;
import io.hirebot.error.FeishuApiException;
import io.hirebot.testing.FeatureHarness;
import io.hirebot.testing.Shown;
import io.hirebot.testing.SmallTenant;
import io.hirebot.testing.TestFeatures;
import io.hirebot.testing.WholeCharacters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The audit records each command with its outcome, as the user got it (QA: refusals and failures were 'ok')")
class AuditOutcomeTest {

  @RegisterExtension
  final FeatureHarness h = FeatureHarness.start()
      .with(TestFeatures::jobs, TestFeatures::candidates, TestFeatures::typedActions, TestFeatures::tasks);

  private AuditEntry only(String action) {
    List<AuditEntry> found = h.audit.entries().stream().filter(e -> e.action().equals(action)).toList();
    assertEquals(1, found.size(), h.audit.entries().toString());
    return found.get(0);
  }

  @Test
  @DisplayName("a typed advance by someone who may not change the job is recorded as refused, with its chat")
  void refusedTypedAction() {
    h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.INTERVIEWER_LIU, "advance Alice Chen");
    AuditEntry e = only("command.Advance");
    assertEquals("refused", e.result());
    assertEquals(FeatureHarness.TEAM_CHAT, e.chatId());
    assertEquals(SmallTenant.INTERVIEWER_LIU, e.actorOpenId());
  }

  @Test
  @DisplayName("a command Hire failed is recorded as failed, with the failed call's X-Tt-Logid")
  void failedCommand() {
    h.hire.failNext("jobs", new FeishuApiException("hire.job.list", 502, -1, "bad gateway", "LOGID502"));
    h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "jobs");
    AuditEntry e = only("command.ListJobs");
    assertEquals("failed", e.result());
    assertEquals("LOGID502", e.logId());
  }

  @Test
  @DisplayName("'my tasks' is recorded too, though it is the asker's own")
  void myTasks() {
    h.privately(SmallTenant.RECRUITER_LI, "my tasks");
    assertTrue(only("command.MyTasks").result().equals("ok"), h.audit.entries().toString());
  }

  @Test
  @DisplayName("a double click is recorded as done once and then as a duplicate, not as two changes")
  void doubleClick() {
    Shown card = h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, "candidates for Backend Engineer");
    var advance = card.button("advance", "name", "Alice Chen");
    h.click(advance, SmallTenant.RECRUITER_LI);
    h.click(advance, SmallTenant.RECRUITER_LI);
    List<String> results = h.audit.entries().stream().filter(e -> e.action().equals("click.advance"))
        .map(AuditEntry::result).toList();
    assertEquals(List.of("ok", "duplicate"), results.stream().sorted(java.util.Comparator.comparing(r -> r.equals("ok")
        ? 0 : 1)).toList(), h.audit.entries().toString());
    assertEquals(1, h.hire.calls("transferStage").size(), "moved once");
  }

  @Test
  @DisplayName("a long command is audited cut in whole characters: an emoji where the cut falls is not halved")
  void longCommandCutWhole() {
    String asked = "jobs " + "a".repeat(Audit.MAX_AUDITED_TEXT - 6) + "😀".repeat(20);
    h.inGroup(FeatureHarness.TEAM_CHAT, SmallTenant.RECRUITER_LI, asked);
    String detail = h.audit.entries().stream().filter(e -> e.detail().startsWith("jobs ")).findFirst().orElseThrow()
        .detail();
    WholeCharacters.assertWhole(detail);
    assertTrue(detail.startsWith("jobs " + "a".repeat(Audit.MAX_AUDITED_TEXT - 6)) && detail.length() < asked.length(),
        detail);
  }
}
