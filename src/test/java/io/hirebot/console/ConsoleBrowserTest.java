package io.hirebot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.e2e.BotHarness;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The sandbox console in a real browser (headless Chromium): what a person evaluating hirebot clicks through, each
 * step going through the emulator as Feishu's signed events and callbacks to the real bot. One bot and one browser
 * for the class; each test starts from a fresh tenant and a fresh page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

  /** Where the screenshots go; docs/console.png in the README is copied from here. */
  static final Path SHOTS = Path.of("target", "screenshots");
  private static BotHarness h;
  private static Browser b;

  @BeforeAll
  static void start() {
    b = Browser.start();
    h = BotHarness.encrypted();
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (h != null) {
      h.close();
    }
  }

  @BeforeEach
  void fresh() {
    h.sandbox.reset();
    h.enableGroup(ImState.DEMO_TEAM_CHAT);
  }

  private void open(String persona) {
    b.driver.get(h.sandbox.tryItUrl() + "?persona=" + persona);
    b.until("the console to load", () -> "true".equals(b.find(By.tagName("body")).getAttribute("data-ready")));
  }

  private void say(String text) {
    WebElement box = b.find(By.id("composer-text"));
    box.sendKeys(text);
    b.find(By.id("send")).click();
  }

  /** The last message of the bot in the open chat whose text contains {@code text}. */
  private WebElement botMessage(String text) {
    return b.until("a bot message with \"" + text + "\"", () -> {
      List<WebElement> found = b.driver.findElements(By.cssSelector("#stream .msg.bot, #stream .msg.ephemeral"))
          .stream().filter(m -> m.getText().contains(text)).toList();
      return found.isEmpty() ? null : found.get(found.size() - 1);
    });
  }

  private WebElement button(WebElement in, String label) {
    return in.findElements(By.cssSelector("button.card-btn")).stream().filter(x -> x.getText().equals(label))
        .findFirst().orElseThrow(() -> new org.openqa.selenium.NotFoundException("no button " + label));
  }

  /** Clicks the button with this label on the card, looking again when the card was re-rendered meanwhile. */
  private void click(String messageId, String label) {
    clearToast();
    b.until(label + " clicked on " + messageId, () -> {
      button(byId(messageId), label).click();
      return true;
    });
  }

  /** Hides the toast on screen, so that {@link #toast()} waits for the next one. */
  private void clearToast() {
    ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.getElementById('toast').className=''");
  }

  private String toast() {
    return b.until("a toast", () -> {
      WebElement t = b.driver.findElement(By.id("toast"));
      return t.isDisplayed() && !t.getText().isBlank() ? t.getText() : null;
    });
  }

  private void confirm() {
    b.find(By.id("confirm-ok")).click();
    b.until("the dialog to close", () -> !b.driver.findElement(By.id("modal")).isDisplayed());
  }

  private WebElement byId(String messageId) {
    return b.until("message " + messageId, () -> b.driver.findElements(
        By.cssSelector("#stream .msg[data-id='" + messageId + "']")).stream().findFirst().orElse(null));
  }

  private String application(String talentName, Job job) {
    return h.sandbox.hire().applicationsOfJob(job.id()).stream()
        .filter(a -> h.sandbox.hire().talent(a.talentId()).orElseThrow().name().equals(talentName))
        .map(Application::id).findFirst().orElseThrow();
  }

  @Test
  @Order(1)
  @DisplayName("recruiter: candidates card, Advance (toast, card replaced), Reject with a reason in a one-person form, Undo")
  void advanceRejectUndo() {
    open(DemoTenant.RECRUITER_LI);
    say("candidates for Backend Engineer");
    WebElement msg = botMessage("Advance");
    String cardId = msg.getAttribute("data-id");
    String before = msg.getText();
    b.screenshot(SHOTS.resolve("console-candidates.png"));
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    b.choose(b.find(By.id("hire-job")), job.id());
    java.util.Map<String, String> stagesBefore = h.sandbox.hire().applicationsOfJob(job.id()).stream()
        .collect(java.util.stream.Collectors.toMap(Application::id, Application::stageId));

    click(cardId, "Advance");
    String advanced = toast();
    String after = b.until("the card replaced by the click's answer", () -> {
      WebElement m = byId(cardId);
      return m.findElements(By.cssSelector(".badge")).isEmpty() || m.getText().equals(before) ? null : m.getText();
    });
    assertTrue(after.contains("updated ×"), after);
    assertFalse(advanced.isBlank());
    // The Hire panel follows the bot's move without a reload: the advanced row shows its new stage.
    Application moved = h.sandbox.hire().applicationsOfJob(job.id()).stream()
        .filter(a -> !a.stageId().equals(stagesBefore.get(a.id()))).findFirst().orElseThrow();
    b.until("the Hire panel to show the move", () -> moved.stageId().equals(b.find(
        By.cssSelector("#hire-apps tr[data-app='" + moved.id() + "'] select.stage")).getAttribute("value")) ? true : null);

    click(cardId, "Reject");
    assertTrue(b.find(By.id("modal-title")).getText().contains("Reject"), "the button's confirm dialog");
    confirm();
    WebElement form = botMessage("Only visible to you");
    String formId = form.getAttribute("data-id");
    String talent = form.findElement(By.cssSelector(".hd")).getText().replaceFirst("^Reject ", "").trim();
    b.choose(form.findElement(By.cssSelector("select")), 1);
    clearToast();
    button(form, "Reject").click();
    // The form's submit asks nothing again: the button asked "Reject this candidate?" before the form opened.
    assertFalse(b.driver.findElement(By.id("modal")).isDisplayed(), "a second confirm dialog on submit");
    String rejected = toast();
    b.until("the one-person form removed", () -> b.driver.findElements(
        By.cssSelector("#stream .msg[data-id='" + formId + "']")).isEmpty());
    String appId = application(talent, job);
    b.until("Hire to record the rejection", () -> !h.sandbox.hire().application(appId).orElseThrow().active());
    b.until("the Hire panel to grey the rejected application out", () -> b.find(
        By.cssSelector("#hire-apps tr[data-app='" + appId + "']")).getAttribute("class").contains("inactive") ? true : null);
    b.screenshot(SHOTS.resolve("console-rejected.png"));

    click(cardId, "Undo");
    String undone = toast();
    b.until("Hire to recover the application", () -> h.sandbox.hire().application(appId).orElseThrow().active());
    assertNotEquals(rejected, undone, "each click has its own toast");
    SentMessage stored = h.sandbox.im().message(cardId).orElseThrow();
    assertTrue(stored.updates().size() >= 3, "advance, reject and undo each replaced the card: " + stored.updates().size());
  }

  @Test
  @Order(2)
  @DisplayName("a stranger is refused in a private chat and cannot act on the team's card")
  void strangerIsRefused() {
    open(DemoTenant.RECRUITER_LI);
    say("candidates for Backend Engineer");
    String cardId = botMessage("Advance").getAttribute("data-id");

    b.choose(b.find(By.id("persona")), DemoTenant.GUEST_SUN);
    b.until("the stranger's view", () -> DemoTenant.GUEST_SUN.equals(
        b.find(By.tagName("body")).getAttribute("data-persona")));
    int before = h.sandbox.im().messages().size();
    click(cardId, "Advance");
    assertTrue(toast().contains("Only the job's recruiter"), "refused with a toast");
    assertEquals(0, h.sandbox.im().message(cardId).orElseThrow().updates().size(), "the card did not change");

    b.find(By.cssSelector(".chat[data-chat='" + ImState.p2pChatId(DemoTenant.GUEST_SUN) + "']")).click();
    say("candidates for Backend Engineer");
    WebElement refusal = botMessage("only for the hiring team");
    assertTrue(refusal.findElements(By.cssSelector("button.card-btn")).stream()
        .noneMatch(x -> x.getText().equals("Advance")), "no candidates shown");
    assertTrue(h.sandbox.im().messages().size() > before);
  }

  @Test
  @Order(3)
  @DisplayName("subscribe in the group, move an application in the Hire panel: the notification arrives live")
  void hirePanelMoveNotifies() {
    open(DemoTenant.RECRUITER_LI);
    say("subscribe job BE-001");
    botMessage("BE-001");
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Application app = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .findFirst().orElseThrow();
    String target = h.sandbox.hire().stagesOf(job.id()).stream().map(s -> s.id())
        .filter(id -> !id.equals(app.stageId())).findFirst().orElseThrow();

    b.choose(b.find(By.id("hire-job")), job.id());
    WebElement row = b.find(By.cssSelector("#hire-apps tr[data-app='" + app.id() + "']"));
    String talent = row.getAttribute("data-talent");
    b.choose(row.findElement(By.cssSelector("select.stage")), target);

    WebElement notification = botMessage("Stage change");
    assertTrue(notification.getText().contains(talent), notification.getText());
    assertEquals(target, h.sandbox.hire().application(app.id()).orElseThrow().stageId());
    b.screenshot(SHOTS.resolve("console-notification.png"));
  }

  @Test
  @Order(3)
  @DisplayName("a typed follow-up change: the list, 'advance the second one', a confirmation card, Confirm moves once")
  void typedFollowUpChange() {
    open(DemoTenant.RECRUITER_LI);
    say("candidates for Backend Engineer");
    botMessage("Advance");
    h.sandbox.requests().reset();
    say("advance the second one");
    WebElement ask = botMessage("the next stage?");
    assertEquals(0, h.sandbox.requests().count("POST", ".*/transfer_stage"), "nothing moves before the click");
    ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView()", ask);
    b.screenshot(SHOTS.resolve("console-typed-confirm.png"));
    click(ask.getAttribute("data-id"), "Confirm");
    assertFalse(toast().isBlank());
    b.until("the move made", () -> h.sandbox.requests().count("POST", ".*/transfer_stage") == 1 ? true : null);
    b.screenshot(SHOTS.resolve("console-typed-done.png"));
  }

  @Test
  @Order(3)
  @DisplayName("card markdown shows mentions and colours as Feishu does, quoted or not (the bot writes <at id=ou_…></at>)")
  void markdownMentions() {
    open(DemoTenant.RECRUITER_LI);
    Object html = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
        "return Cards.markdown('by <at id=ou_a></at> and <at id=\"ou_b\"></at> <font color=red>late</font>',"
            + " {locale: 'en_us', name: id => 'Name of ' + id})");
    assertTrue(String.valueOf(html).contains("@Name of ou_a") && String.valueOf(html).contains("@Name of ou_b")
        && String.valueOf(html).contains("color:red"), String.valueOf(html));
    Object person = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
        "return Cards.markdown('by <person id=ou_a show_name=true show_avatar=false style=normal></person> · 10:32',"
            + " {locale: 'en_us', name: id => 'Name of ' + id})");
    assertEquals("by <span class=\"person\">Name of ou_a</span> · 10:32", String.valueOf(person));
    // As the bot writes them: the pipeline's grey line (single quotes, as in Feishu's docs) and help's *italic* slots.
    Object more = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
        "return Cards.markdown(\"<font color='grey'>median 4 d</font> **candidate** *name* a &#42;star&#42;\","
            + " {locale: 'en_us', name: id => id})");
    assertEquals("<span style=\"color:grey\">median 4 d</span> <b>candidate</b> <i>name</i> a &#42;star&#42;",
        String.valueOf(more));
  }

  @Test
  @Order(4) // last: it moves the clock the bot and the emulator share
  @DisplayName("the clock control jumps to the next digest, then to the next interview reminder; each arrives")
  void clockJumpsToTheDigest() {
    // Without interviews the next thing due is the digest (an interview reminder would come first otherwise).
    h.sandbox.hire().write(d -> d.interviews.clear());
    open(DemoTenant.RECRUITER_LI);
    say("digest daily 09:00 job BE-001");
    String setId = botMessage("Digest set").getAttribute("data-id");
    b.until("the clock panel to know the digest", () -> b.find(By.id("clock-next")).getText().contains("Next digest")
        && !b.find(By.id("clock-next")).getText().contains("none") ? true : reloadClock());
    clearToast();
    b.find(By.id("clock-next-btn")).click();
    assertTrue(toast().contains("Clock moved"));
    b.until("the digest in the group", () -> b.driver.findElements(By.cssSelector("#stream .msg.bot")).stream()
        .anyMatch(m -> !m.getAttribute("data-id").equals(setId) && m.getText().contains("igest")));

    // An interview in 3 hours (on the clock the bot and the emulator share): its reminder is now the next thing due.
    Job job = h.sandbox.hire().jobByCode("FE-001").orElseThrow();
    Application a = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active).findFirst()
        .orElseThrow();
    h.sandbox.hire().addInterview(a.id(), h.sandbox.config().clock().millis() + 3 * 3_600_000L,
        DemoTenant.INTERVIEWER_BROWN);
    open(DemoTenant.INTERVIEWER_BROWN);
    b.find(By.cssSelector(".chat[data-chat='" + ImState.p2pChatId(DemoTenant.INTERVIEWER_BROWN) + "']")).click();
    b.find(By.id("clock-next-btn")).click();
    WebElement reminder = botMessage("Interview soon");
    assertTrue(reminder.getText().contains(h.sandbox.hire().talent(a.talentId()).orElseThrow().name()),
        reminder.getText());
  }

  /** The clock panel refreshes every 30 s; a reload shows the schedule at once. */
  private Boolean reloadClock() {
    open(DemoTenant.RECRUITER_LI);
    return false;
  }
}
