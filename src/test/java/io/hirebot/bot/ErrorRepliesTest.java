package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.error.ChangeFailedException;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Messages;
import io.hirebot.testing.WholeCharacters;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorRepliesTest {
  private final ObjectMapper json = new ObjectMapper();
  private final Messages messages = Messages.load();
  private final ErrorReplies errors =
      new ErrorReplies(new Cards(CardTemplates.load(json, Optional.empty()), json), messages);

  @Test
  @DisplayName("a Hire failure becomes a card naming the code and the log id, never the exception")
  void hireFailureCard() {
    var e = new FeishuApiException("hire.job.list", 500, 1002001, "system error", "2026112509LOGID");
    String card = ((Reply.Card) errors.reply(e, Language.EN)).card().toString();
    assertTrue(card.contains("1002001") && card.contains("2026112509LOGID"), card);
    assertFalse(card.contains("FeishuApiException"));
  }

  @Test
  @DisplayName("Hire's message is quoted to 120 characters, an emoji at the cut kept whole or left out, never split")
  void messageCutWhole() {
    var e = new FeishuApiException("hire.job.list", 400, 1002001, "e".repeat(116) + "😀" + "e".repeat(20), "LID");
    String card = errors.card(e, Language.EN).toString();
    WholeCharacters.assertWhole(card);
    assertTrue(card.contains("e".repeat(116) + "😀") && card.contains("…"), card);
  }

  @Test
  @DisplayName("Hire answered (an error code, an unreadable 502 page): the title says the call failed, not that Hire "
      + "did not answer; a timeout still says it did not")
  void titleMatchesWhatHappened() {
    var answered = new FeishuApiException("hire.job.list", 500, 1002001, "system error", "L1");
    var page = new FeishuApiException(FeishuApiException.Kind.UNREADABLE, "hire.application.get_detail", 502, -1,
        "<html>", "L502", Duration.ZERO);
    for (FeishuApiException e : java.util.List.of(answered, page)) {
      String title = errors.card(e, Language.EN).path("header").path("title").path("content").asText();
      assertEquals("Feishu Hire call failed", title, e.toString());
      assertEquals("调用飞书招聘失败", errors.card(e, Language.ZH).path("header").path("title").path("content").asText());
    }
    var timeout = new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, "hire.application.list", 0, -1, "", "",
        Duration.ofMillis(3_500));
    assertEquals("Feishu Hire did not answer",
        errors.card(timeout, Language.EN).path("header").path("title").path("content").asText());
  }

  @Test
  @DisplayName("refusals Hire explains get a sentence in the user's language, with code and log id in the toast")
  void knownRefusalToast() {
    var e = new FeishuApiException("hire.application.transfer_stage", 400, 1002205, "transfer stage failed", "LID");
    ActionResult failed = errors.toast(e);
    assertEquals(Toast.Type.ERROR, failed.toast().type());
    String zh = failed.toast().text(Language.ZH);
    assertTrue(zh.contains("锁定") && zh.contains("1002205") && zh.contains("LID"), zh);
  }

  @Test
  @DisplayName("a change Hire did not answer (a timeout, an unreadable page) may have been made: the toast and the card "
      + "say so and to check the candidate, never 'did not work' or 'try again'; the log id stays; reads keep their text")
  void changeWithoutAnswer() {
    var timeout = new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, "hire.application.transfer_stage", 0, -1,
        "", "", Duration.ofMillis(4_000));
    var change = new ChangeFailedException("change.advance", timeout);
    String toast = errors.toast(change).toast().text(Language.EN);
    assertTrue(toast.contains("Advance") && toast.contains("may or may not") && toast.contains("check the candidate")
        && toast.contains("hire.application.transfer_stage"), toast);
    assertFalse(toast.contains("did not work") || toast.contains("try again in a moment"), toast);
    String zh = errors.toast(change).toast().text(Language.ZH);
    assertTrue(zh.contains("推进") && zh.contains("可能"), zh);
    assertFalse(zh.contains("操作失败") || zh.contains("请稍后重试"), zh);

    var card = errors.card(change, Language.EN);
    String title = card.path("header").path("title").path("content").asText();
    String body = card.path("body").path("elements").get(0).path("content").asText();
    assertEquals("Change not confirmed", title);
    assertFalse(body.startsWith(title) || body.contains("did not work"), body);
    assertTrue(body.contains("may or may not"), body);

    var page = new ChangeFailedException("change.reject", new FeishuApiException(FeishuApiException.Kind.UNREADABLE,
        "hire.application.terminate", 504, -1, "<html>", "L504", Duration.ZERO));
    String unreadable = errors.toast(page).toast().text(Language.EN);
    assertTrue(unreadable.contains("Reject") && unreadable.contains("may or may not") && unreadable.contains("L504"),
        unreadable);

    // A read that timed out keeps its text: nothing was changed, trying again is right.
    var read = new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, "hire.application.list", 0, -1, "", "",
        Duration.ofMillis(4_000));
    assertTrue(errors.toast(read).toast().text(Language.EN).contains("try again in a moment"));
  }

  @Test
  @DisplayName("Hire refusing a change (1002205) names the change the user asked for: a rejection is not a move")
  void refusalNamesTheChange() {
    var refused = new FeishuApiException("hire.application.terminate", 400, 1002205, "cannot terminate", "LID");
    String en = errors.toast(new ChangeFailedException("change.reject", refused)).toast().text(Language.EN);
    assertTrue(en.contains("Reject") && en.contains("1002205") && en.contains("LID"), en);
    assertFalse(en.contains("move"), en);
    String zh = errors.toast(new ChangeFailedException("change.reject", refused)).toast().text(Language.ZH);
    assertTrue(zh.contains("淘汰") && !zh.contains("转移"), zh);
    String card = errors.card(new ChangeFailedException("change.reject", refused), Language.EN).toString();
    assertTrue(card.contains("Reject") && !card.contains("did not work"), card);
  }

  @Test
  @DisplayName("rate limits say 'try again' instead of a code; bugs say something went wrong, without details")
  void rateLimitAndBug() {
    var limited = new FeishuApiException("hire.application.get_detail", 429, 99991400, "limit", "L");
    assertTrue(errors.toast(limited).toast().text(Language.EN).contains("rate limit"));
    String bug = ((Reply.Card) errors.reply(new NullPointerException("secret detail"), Language.EN)).card().toString();
    assertFalse(bug.contains("secret detail") || bug.contains("NullPointer"), bug);
  }

  @Test
  @DisplayName("outages say what happened: not answering (with the last log id and how long ago), no answer in N s, "
      + "an unreadable HTTP status, a rate limit with when to try again")
  void outageKinds() {
    var notTried = new FeishuApiException(FeishuApiException.Kind.NOT_TRIED, "hire.job.list", 0, -1, "down", "LAST502",
        Duration.ofSeconds(3));
    String card = errors.card(notTried, Language.EN).toString();
    assertTrue(card.contains("not answering") && card.contains("3 s ago") && card.contains("LAST502"), card);
    var failing = new FeishuApiException(FeishuApiException.Kind.NOT_TRIED, "hire.job.list", 502, -1, "down",
        "LAST502", Duration.ofSeconds(2));
    String failingCard = errors.card(failing, Language.EN).toString();
    assertTrue(failingCard.contains("keeps failing (HTTP 502") && failingCard.contains("2 s ago")
        && failingCard.contains("Feishu Hire call failed") && !failingCard.contains("not answer"), failingCard);
    var justNow = new FeishuApiException(FeishuApiException.Kind.NOT_TRIED, "hire.job.list", 502, -1, "down", "L",
        Duration.ofMillis(300));
    assertTrue(errors.card(justNow, Language.EN).toString().contains("the bot tried a moment ago"));
    assertTrue(errors.card(justNow, Language.ZH).toString().contains("机器人刚刚尝试过"));
    var noAnswer = new FeishuApiException(FeishuApiException.Kind.NO_ANSWER, "hire.application.list", 0, -1, "", "",
        Duration.ofMillis(3_500));
    assertTrue(errors.toast(noAnswer).toast().text(Language.EN).contains("within 3.5 s (hire.application.list)"));
    var page = new FeishuApiException(FeishuApiException.Kind.UNREADABLE, "hire.job.list", 502, -1, "<html>", "L502",
        Duration.ZERO);
    String zh = errors.toast(page).toast().text(Language.ZH);
    assertTrue(zh.contains("502") && zh.contains("L502") && !zh.contains("<html>"), zh);
    var limited = new FeishuApiException("hire.job.list", 429, 99991400, "limit", "L429").withWait(Duration.ofSeconds(30));
    assertTrue(errors.toast(limited).toast().text(Language.EN).contains("try again in 30 s"));
  }

  @Test
  @DisplayName("a bug while building a card says so honestly with a reference, never 'Feishu Hire did not answer', "
      + "and is logged once with that reference and its stack")
  void ourBugIsNotBlamedOnHire() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ErrorReplies.class);
    var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    logged.start();
    logger.addAppender(logged);
    try {
      var bug = new IllegalArgumentException("stage index 7 out of range");
      String card = errors.card(bug, Language.EN).toString();
      String toast = errors.toast(bug).toast().text(Language.EN);
      String zh = errors.card(bug, Language.ZH).toString();

      assertFalse(card.contains("did not answer") || card.contains("Feishu Hire"), card);
      assertTrue(card.contains("Something went wrong") && card.contains("on our side"), card);
      assertFalse(card.contains("IllegalArgument") || card.contains("out of range") || card.contains("at io."), card);
      java.util.regex.Matcher ref = java.util.regex.Pattern.compile("Ref: ([0-9a-f]{8})").matcher(card);
      assertTrue(ref.find(), card);
      assertTrue(toast.contains(ref.group(1)) && zh.contains(ref.group(1)), "one failure, one reference: " + toast);
      assertFalse(zh.contains("飞书招聘暂时无法响应"), zh);

      assertEquals(1, logged.list.size(), "logged once: " + logged.list);
      var line = logged.list.get(0);
      assertTrue(line.getFormattedMessage().contains("ref=" + ref.group(1)), line.getFormattedMessage());
      assertEquals("java.lang.IllegalArgumentException", line.getThrowableProxy().getClassName(), "with its stack");

      // Feishu's failures keep their own words and log id, with no reference.
      var hire = new FeishuApiException("hire.job.list", 500, 1002001, "system error", "LOGID1");
      assertEquals("", errors.incident(hire, "command=ListJobs"));
      String hireCard = errors.card(hire, Language.EN).toString();
      assertTrue(hireCard.contains("LOGID1") && !hireCard.contains("Ref:"), hireCard);
      assertEquals(1, logged.list.size());
    } finally {
      logger.detachAppender(logged);
    }
  }
}
