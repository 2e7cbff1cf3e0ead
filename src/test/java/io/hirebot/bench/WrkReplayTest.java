package io.hirebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.config.ConfigLoader;
import io.hirebot.feishu.inbound.EnvelopeVerifier;
import io.hirebot.feishu.inbound.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrk generator's files, without wrk: what each thread replays is valid for the bot, distinct and disjoint. */
class WrkReplayTest {

  @Test
  @DisplayName("every pre-signed request is accepted by the bot's verifier, each event once across the thread slices")
  void slices(@TempDir Path dir) throws Exception {
    // GIVEN the slices for 2 threads, as the benchmark writes them before a run
    WrkReplay replay = new WrkReplay(Path.of("wrk"), dir.resolve("wrk"), 2);
    replay.writeSlices(101, n -> IntakeFlood.event("test", n));

    // WHEN the bot checks each line as the request wrk sends (an hour later: the pre-signed timestamp still holds)
    EnvelopeVerifier verifier = new EnvelopeVerifier(ConfigLoader.SANDBOX_VERIFICATION_TOKEN,
        ConfigLoader.SANDBOX_ENCRYPT_KEY, Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC));
    Set<String> eventIds = new HashSet<>();
    Set<String> messageIds = new HashSet<>();
    int[] perSlice = new int[2];
    for (int t = 0; t < 2; t++) {
      for (String line : Files.readAllLines(replay.slice(t), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", 4);
        Verification v = verifier.verify(Map.of("x-lark-request-timestamp", f[0], "x-lark-request-nonce", f[1],
            "x-lark-signature", f[2]), f[3].getBytes(StandardCharsets.UTF_8));
        // THEN each is signed, encrypted and fresh
        Verification.Accepted accepted = assertInstanceOf(Verification.Accepted.class, v, line);
        eventIds.add(accepted.plain().path("header").path("event_id").asText());
        messageIds.add(accepted.plain().path("event").path("message").path("message_id").asText());
        perSlice[t]++;
      }
    }
    // AND every event is in exactly one slice, with its own event_id and message_id
    assertEquals(List.of(51, 50), List.of(perSlice[0], perSlice[1]));
    assertEquals(101, eventIds.size());
    assertEquals(101, messageIds.size());
    assertTrue(messageIds.contains("om_test_100"), messageIds.toString());
  }
}
