package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two bots, each with its emulator, in one JVM, as when end-to-end test classes run side by side: the SDK's token
 * cache is process-wide and keyed by app id, and the bot started last provides it to both.
 */
class TwoBotsTest {
  @RegisterExtension
  static final BotHarness first = BotHarness.encrypted();
  @RegisterExtension
  static final BotHarness second = BotHarness.encrypted();

  @Test
  @DisplayName("the bot started first still answers through its own emulator once a second bot has started")
  void bothAnswer() {
    // GIVEN the second bot started after the first (its client's cache is now the SDK's) and fetched its token
    // WHEN a user asks each bot for help
    SentMessage fromFirst = first.ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help"));
    SentMessage fromSecond = second.ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("help"));

    // THEN each answers with its help card, sent through its own emulator
    assertEquals("interactive", fromFirst.msgType(), fromFirst.toString());
    assertEquals("interactive", fromSecond.msgType(), fromSecond.toString());
  }
}
