package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A form Feishu would not show in the group (a topic group, an old client) goes to the clicker's private chat; its
 * outcome updates the group's card in place, drawn for the group (what the group follows), and the private copy is
 * drawn for the private chat.
 */
class PrivateFormTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String GROUP = ImState.DEMO_TEAM_CHAT;
  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  private SentMessage say(String text) {
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(GROUP).from(RECRUITER).mentioningBot()
        .text(text)));
    return await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
  }

  @Test
  @DisplayName("a note form sent privately: the group's card keeps showing that the group follows the job")
  void groupCardDrawnForTheGroup() {
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    assertTrue(say("subscribe job BE-001").text().contains("Backend Engineer"));
    SentMessage card = say("candidates for job BE-001");
    assertTrue(card.currentContent().toString().contains("Following"), card.currentContent().toString());
    Application a = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(x -> card.currentContent().toString().contains(x.id())).findFirst().orElseThrow();

    h.sandbox.faults().failNext("POST", "/open-apis/ephemeral/v1/send", 400, 230001,
        "invalid param: cards visible to certain people are not supported in this chat");
    JsonObject more = new JsonObject().put("action", "more").put("application_id", a.id()).put("job_id", job.id())
        .put("talent_id", a.talentId()).put("stage_id", a.stageId()).put("page", 0).put("lang", "en_us");
    PushResult opened = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER)
        .tag("overflow").option("note").value(more)));
    assertTrue(opened.body().contains("private"), opened.body());
    String privateChat = ImState.p2pChatId(RECRUITER);
    SentMessage form = await(h.sandbox.im().awaitMessage(m -> privateChat.equals(m.chatId())
        && m.currentContent().toString().contains("\"tag\":\"input\""), TIMEOUT));

    PushResult saved = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(submitValue(form)).formValue(new JsonObject().put("note", "Sharp"))));
    assertTrue(saved.body().contains("success"), saved.body());

    String group = h.sandbox.im().message(card.messageId()).orElseThrow().currentContent().toString();
    assertTrue(group.contains("Note saved") || group.contains("Note added"), "the outcome is on the group's card");
    assertTrue(group.contains("Following"), "the group follows the job, and its card says so");
    assertFalse(group.contains("Follow this job here"), "not the private chat's following");
    // The private form says where its outcome shows, rather than a second copy of the group's list.
    String privately = h.sandbox.im().message(form.messageId()).orElseThrow().currentContent().toString();
    assertTrue(privately.contains("card in the group now shows it"), privately);
    assertFalse(privately.contains("candidates.page"), "no list in the private chat");
  }

  @Test
  @DisplayName("a group profile's note form sent privately, submitted with a value that claims contact data: the "
      + "group's card it updates shows no phone or email")
  void privateFormOfAGroupProfileNeverShowsContact() {
    var hire = h.sandbox.hire();
    Job job = hire.jobByCode("BE-001").orElseThrow();
    Talent talent = hire.addTalent("Forged Claim", "13655500004", "forged.claim@example.com");
    Application a = hire.addApplication(job.id(), talent.id(), hire.stagesOf(job.id()).get(0).id());
    SentMessage profile = say("candidate Forged Claim");
    String before = profile.currentContent().toString();
    assertFalse(before.contains(Phones.shown(talent)) || before.contains(talent.email()), before);
    h.awaitCardRecorded(profile.messageId());

    h.sandbox.faults().failNext("POST", "/open-apis/ephemeral/v1/send", 400, 230001,
        "invalid param: cards visible to certain people are not supported in this chat");
    JsonObject note = new JsonObject().put("action", "note").put("application_id", a.id()).put("job_id", job.id())
        .put("talent_id", talent.id()).put("name", talent.name()).put("stage_id", a.stageId()).put("lang", "en_us")
        .put("view", "profile").put("page", 0);
    PushResult opened = await(h.sandbox.events().cardAction(CardActionSpec.on(profile.messageId()).by(RECRUITER)
        .tag("button").value(note)));
    assertTrue(opened.body().contains("private"), opened.body());
    String privateChat = ImState.p2pChatId(RECRUITER);
    SentMessage form = await(h.sandbox.im().awaitMessage(m -> privateChat.equals(m.chatId())
        && m.currentContent().toString().contains("\"tag\":\"input\""), TIMEOUT));

    // The form sits in the private chat, but its outcome is the group's card: a claim of contact data is not honoured.
    JsonObject claiming = submitValue(form).put("contact", true);
    PushResult saved = await(h.sandbox.events().cardAction(CardActionSpec.on(form.messageId()).by(RECRUITER)
        .tag("button").value(claiming).formValue(new JsonObject().put("note", "Claims contact"))));
    assertTrue(saved.body().contains("success"), saved.body());
    String group = h.sandbox.im().message(profile.messageId()).orElseThrow().currentContent().toString();
    assertTrue(group.contains("Forged Claim") && group.contains("\"action\":\"note\""), group);
    assertFalse(group.contains(Phones.shown(talent)) || group.contains(talent.email()), group);
  }

  /** The submit button's callback value of a form card. */
  private static JsonObject submitValue(SentMessage form) {
    JsonObject found = find(new JsonObject(form.currentContent().toString()));
    if (found == null) {
      throw new AssertionError("no submit button: " + form.currentContent());
    }
    return found;
  }

  private static JsonObject find(Object node) {
    if (node instanceof JsonObject o) {
      if ("submit".equals(o.getString("name")) && o.getJsonArray("behaviors") != null) {
        return o.getJsonArray("behaviors").getJsonObject(0).getJsonObject("value");
      }
      for (String k : o.fieldNames()) {
        JsonObject f = find(o.getValue(k));
        if (f != null) {
          return f;
        }
      }
    } else if (node instanceof JsonArray arr) {
      for (Object e : arr) {
        JsonObject f = find(e);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }
}
