package io.hirebot.app;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up warm-up runs a first answer's code, Feishu calls included, without asking Feishu anything: the
 * emulator the bot is pointed at sees no request, yet candidates were read and a card was sent (to the canned
 * Feishu in the process).
 */
class WarmUpTest {
  @RegisterExtension
  final BotParts parts = BotParts.start(Map.of("HIREBOT_PORT", "0"));

  @Test
  @DisplayName("the warm-up reads candidates and sends a card through the SDK, and the bot's Feishu sees no request")
  void noRequestLeavesTheProcess() {
    // GIVEN a bot configured against an emulator (parts)

    // WHEN the warm-up runs
    WarmUp.Summary summary = await(parts.botSide.executeBlocking(() -> WarmUp.run(parts.botSide, parts.config)),
        Duration.ofSeconds(60));

    // THEN it parsed, rendered, read a pipeline page and sent a card
    assertEquals(WarmUp.ROUNDS * WarmUp.SAMPLE_COMMANDS.size(), summary.commandsParsed());
    assertTrue(summary.cardsRendered() > 0, summary.toString());
    assertEquals(1, summary.cardsAnswered(), summary.toString());
    assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), summary.toString());
    // AND a signed, encrypted click and mentions passed the bot's own verifier (the sandbox's Encrypt Key)
    assertEquals(1 + WarmUp.MENTIONS.size(), summary.eventsHandled(), summary.toString());
    // AND the Feishu the bot is configured with was asked nothing: no token, no Hire call, no message
    assertEquals(List.of(), parts.sandbox.requests().all(), "requests that reached the emulator");
  }

  @Test
  @DisplayName("the TLS handshake in memory completes with the jar's throwaway key (the identity call's TLS code)")
  void tlsHandshakeInMemory() {
    assertTrue(WarmUp.tlsHandshake());
  }

  @Test
  @DisplayName("begun early on its own thread (as Main does), the warm-up does the same work and asks Feishu nothing")
  void begunEarly() {
    // GIVEN the parsing and rendering begun before anything else
    var begun = WarmUp.begin(parts.config);

    // WHEN the rest of the warm-up runs on a worker
    WarmUp.Summary summary = await(parts.botSide.executeBlocking(() -> WarmUp.run(parts.botSide, parts.config,
        begun)), Duration.ofSeconds(60));

    // THEN the begun part's work counts, and the calls ran as before
    assertTrue(begun.isDone());
    assertEquals(WarmUp.ROUNDS * WarmUp.SAMPLE_COMMANDS.size(), summary.commandsParsed());
    assertTrue(summary.cardsRendered() > 0, summary.toString());
    assertEquals(1, summary.cardsAnswered(), summary.toString());
    assertEquals(WarmUp.MENTIONS.size(), summary.messagesSent(), summary.toString());
    assertEquals(List.of(), parts.sandbox.requests().all(), "requests that reached the emulator");
  }
}
