package io.hirebot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.cards.CardTemplates;
import io.hirebot.cards.Cards;
import io.hirebot.command.Language;
import io.hirebot.error.FeishuApiException;
import io.hirebot.i18n.Messages;
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
  @DisplayName("refusals Hire explains get a sentence in the user's language, with code and log id in the toast")
  void knownRefusalToast() {
    var e = new FeishuApiException("hire.application.transfer_stage", 400, 1002205, "transfer stage failed", "LID");
    ActionResult zh = errors.toast(e, Language.ZH);
    assertEquals(ActionResult.ToastType.ERROR, zh.toastType());
    assertTrue(zh.toast().contains("锁定") && zh.toast().contains("1002205") && zh.toast().contains("LID"), zh.toast());
  }

  @Test
  @DisplayName("rate limits say 'try again' instead of a code; bugs say something went wrong, without details")
  void rateLimitAndBug() {
    var limited = new FeishuApiException("hire.application.get_detail", 429, 99991400, "limit", "L");
    assertTrue(errors.toast(limited, Language.EN).toast().contains("rate limit"));
    String bug = ((Reply.Card) errors.reply(new NullPointerException("secret detail"), Language.EN)).card().toString();
    assertFalse(bug.contains("secret detail") || bug.contains("NullPointer"), bug);
  }
}
