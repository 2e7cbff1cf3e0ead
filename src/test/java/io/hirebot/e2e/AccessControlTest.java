package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Talent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 7: each rule has a test that fails if the rule is dropped. That group cards carry no contact data is a
 * card's content, tested in the fast layer (feature/profile/ContactDataTest); here the rules that need the wire.
 */
class AccessControlTest {
  private static final String CLOSED_GROUP = ImState.DEMO_BACKEND_CHAT;
  private static final String ADMIN = DemoTenant.ADMIN_ZHOU;
  private static final String STRANGER = DemoTenant.GUEST_SUN;
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  private SentMessage say(MessageSpec spec) {
    return h.ask(spec);
  }

  private SentMessage inGroup(String chat, String who, String text) {
    return say(MessageSpec.group(chat).from(who).mentioningBot().text(text));
  }

  private long hireCalls() {
    return h.sandbox.requests().count("GET", "/open-apis/hire/.*");
  }

  @Test
  @DisplayName("a group that is not enabled gets one polite line and no Hire call")
  void notEnabledGroup() {
    h.runRoutines(h.bot); // background reads (the team index at start) are done before counting
    long before = hireCalls();
    SentMessage reply = inGroup(CLOSED_GROUP, DemoTenant.RECRUITER_LI, "candidates for job BE-001");
    assertEquals("text", reply.msgType());
    assertTrue(reply.text().contains("enable"), reply.text());
    assertEquals(before, hireCalls());
  }

  @Test
  @DisplayName("a non-admin cannot enable a group; an admin can, and then the group sees candidates")
  void enableIsForAdmins() {
    SentMessage refused = inGroup(CLOSED_GROUP, DemoTenant.RECRUITER_LI, "enable");
    assertTrue(refused.text().contains("admins"), refused.text());
    assertTrue(inGroup(CLOSED_GROUP, DemoTenant.RECRUITER_LI, "candidates for job BE-001").text().contains("enable"));

    SentMessage enabled = inGroup(CLOSED_GROUP, ADMIN, "启用");
    assertTrue(enabled.currentContent().toString().contains("启用"), enabled.currentContent().toString());
    SentMessage card = inGroup(CLOSED_GROUP, DemoTenant.RECRUITER_LI, "candidates for job BE-001");
    assertEquals("interactive", card.msgType());

    assertTrue(inGroup(CLOSED_GROUP, DemoTenant.RECRUITER_LI, "subscribe job BE-001").text().contains("BE-001"));

    inGroup(CLOSED_GROUP, ADMIN, "disable");
    assertTrue(inGroup(CLOSED_GROUP, DemoTenant.RECRUITER_LI, "jobs").text().contains("enable"));
    // Disabling ended what would keep posting hiring data here.
    inGroup(CLOSED_GROUP, ADMIN, "enable");
    assertFalse(inGroup(CLOSED_GROUP, DemoTenant.HM_ZHANG, "subscriptions").currentContent().toString()
        .contains("BE-001"));
  }

  @Test
  @DisplayName("in a private chat only people Hire knows as hiring team (or admins) see hiring data")
  void privateChats() {
    long before = h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications.*");
    SentMessage refused = say(MessageSpec.p2p(STRANGER).text("candidates for job BE-001"));
    assertTrue(refused.text().contains("hiring team"), refused.text());
    assertEquals(before, h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications.*"));
    assertEquals("interactive", say(MessageSpec.p2p(DemoTenant.HM_ZHANG).text("candidates for job BE-001")).msgType());
    assertEquals("interactive", say(MessageSpec.p2p(ADMIN).text("jobs")).msgType());
  }

  @Test
  @DisplayName("deciding who may query privately reads the job teams once, then refreshes them in the background")
  void teamIndex() {
    String teams = "/open-apis/hire/v1/jobs/[^/]+/recruiter";
    long openJobs = h.sandbox.hire().jobs().stream().filter(j -> j.activeStatus() == 1).count();
    assertEquals("interactive", say(MessageSpec.p2p(DemoTenant.HM_ZHANG).text("jobs")).msgType());
    long first = h.sandbox.requests().count("GET", teams);
    for (int i = 0; i < 7; i++) {
      assertEquals("interactive", say(MessageSpec.p2p(DemoTenant.HM_ZHANG).text("jobs")).msgType());
    }
    long afterCommands = h.sandbox.requests().count("GET", teams);
    h.runRoutines(h.bot); // the background refresh
    assertEquals("interactive", say(MessageSpec.p2p(DemoTenant.HM_ZHANG).text("jobs")).msgType());
    System.out.printf("[team-index] job-team reads: %d for the first private command (%d open jobs), %d for 7 more%n",
        first, openJobs, afterCommands - first);
    assertTrue(first <= openJobs, "at most one read per open job");
    assertEquals(first, afterCommands, "later commands read no job team");
  }

  @Test
  @DisplayName("the audit log holds refused attempts, and admins read it privately with 'audit'")
  void auditRecordsRefusals() {
    inGroup(CLOSED_GROUP, STRANGER, "candidates for job BE-001");
    inGroup(CLOSED_GROUP, STRANGER, "enable");
    SentMessage inGroupRefused = inGroup(ImState.DEMO_TEAM_CHAT, ADMIN, "audit");
    assertTrue(inGroupRefused.text().contains("private"), inGroupRefused.text());
    String log = say(MessageSpec.p2p(ADMIN).text("audit 10")).currentContent().toString();
    assertTrue(log.contains(STRANGER) && log.contains("refused") && log.contains("enable"), log);
    assertTrue(say(MessageSpec.p2p(STRANGER).text("audit")).text().contains("admins"));
  }

  @Test
  @DisplayName("adding the bot to a group gets a welcome card that explains enabling")
  void welcome() {
    await(h.sandbox.events().botAdded("oc_new_group", ADMIN));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> "oc_new_group".equals(m.chatId()), TIMEOUT));
    assertTrue(card.currentContent().toString().contains("enable"), card.currentContent().toString());
  }

  @Test
  @DisplayName("a user sending commands too fast is told to slow down")
  void slowDown() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      ids.add(await(h.sandbox.events().message(MessageSpec.p2p(ADMIN).text("help"))).messageId());
    }
    List<SentMessage> replies = new ArrayList<>();
    for (String id : ids) {
      replies.add(await(h.sandbox.im().awaitMessage(m -> id.equals(m.parentId()), TIMEOUT)));
    }
    assertTrue(replies.stream().anyMatch(r -> "text".equals(r.msgType()) && r.text().contains("too fast")));
  }

  @Test
  @DisplayName("an interviewer sees their own interviews privately, and nothing else")
  void interviewers() {
    String liu = DemoTenant.INTERVIEWER_LIU;
    assertEquals("interactive", say(MessageSpec.p2p(liu).text("my interviews this week")).msgType());
    assertTrue(say(MessageSpec.p2p(liu).text("candidates for job BE-001")).text().contains("my interviews"));
    assertTrue(say(MessageSpec.p2p(liu).text("interviews this week")).text().contains("my interviews"));
  }

  @Test
  @DisplayName("an interviewer asking for everyone's interviews of a period is pointed to their own of that period")
  void interviewerSuggestionKeepsThePeriod() {
    String liu = DemoTenant.INTERVIEWER_LIU;

    // (on main: "try “my interviews this week”" whatever the period asked)
    assertTrue(say(MessageSpec.p2p(liu).text("interviews last week")).text().contains("“my interviews last week”"));
    assertTrue(say(MessageSpec.p2p(liu).text("interviews tomorrow")).text().contains("“my interviews tomorrow”"));
    assertTrue(say(MessageSpec.p2p(liu).text("上周的面试")).text().contains("“我上周的面试”"));
  }

  @Test
  @DisplayName("an interviewer saying a change is not to be made is refused, whether anyone has the name or not: the "
      + "answer would say whether someone does")
  void interviewerNegationRefused() {
    String liu = DemoTenant.INTERVIEWER_LIU;
    for (String typed : List.of("don't reject Zorro Nobody", "don't reject 张伟")) {
      SentMessage reply = say(MessageSpec.p2p(liu).text(typed));
      assertEquals("text", reply.msgType(), reply.toString());
      assertTrue(reply.text().contains("your own interviews"), reply.text());
    }
  }

  @Test
  @DisplayName("a group profile offers details privately: the team gets contact data in private, others a refusal")
  void detailsPrivately() {
    Talent talent = h.sandbox.hire().talentByName("张伟").orElseThrow();
    SentMessage card = inGroup(ImState.DEMO_TEAM_CHAT, DemoTenant.RECRUITER_LI, "候选人 张伟");
    String group = card.currentContent().toString();
    assertFalse(group.contains(Phones.shown(talent)) || group.contains(talent.email()), group);
    assertTrue(group.contains("profile.private"), "details button offered");
    var value = new io.vertx.core.json.JsonObject().put("action", "profile.private").put("talent_id", talent.id())
        .put("name", talent.name()).put("lang", "zh_cn");

    PushResult refused = await(h.sandbox.events().cardAction(
        io.hirebot.sandbox.CardActionSpec.on(card.messageId()).by(STRANGER).value(value)));
    assertEquals("error", refused.jsonBody().getJsonObject("toast").getString("type"));

    PushResult sent = await(h.sandbox.events().cardAction(
        io.hirebot.sandbox.CardActionSpec.on(card.messageId()).by(DemoTenant.RECRUITER_LI).value(value)));
    assertEquals("info", sent.jsonBody().getJsonObject("toast").getString("type"), sent.body());
    String privateChat = ImState.p2pChatId(DemoTenant.RECRUITER_LI);
    SentMessage details = await(h.sandbox.im().awaitMessage(m -> privateChat.equals(m.chatId())
        && m.currentContent().toString().contains(Phones.shown(talent)), TIMEOUT));
    assertTrue(details.currentContent().toString().contains(talent.email()));
    assertEquals(List.of(), h.sandbox.im().inChat(ImState.p2pChatId(STRANGER)));
  }
}
