package io.hirebot.feishu.inbound;

import static io.hirebot.feishu.inbound.Webhooks.KEY;
import static io.hirebot.feishu.inbound.Webhooks.TOKEN;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A coarse guard, not a benchmark: verifying runs on the event loop, so a regression to milliseconds
 * (say, a key derived per request or a blocking call) must fail the build. Target is well under 0.1 ms;
 * the bound is 10x looser so a busy CI machine does not flake.
 */
class EnvelopeVerifierSpeedTest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;
  private static final long BOUND_NANOS = 1_000_000; // 1 ms average

  @Test
  @DisplayName("Verifying and decrypting a signed, encrypted message event averages well under a millisecond")
  void fastEnough() {
    long now = 1_700_000_000L;
    EnvelopeVerifier verifier = new EnvelopeVerifier(
        TOKEN, KEY, Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC), Duration.ofMinutes(5));
    InboundMapper mapper = new InboundMapper(() -> "ou_bot");
    byte[] body = Webhooks.encrypted(Webhooks.fixture("im_message_group_mention.json"), KEY);
    Map<String, String> headers = Webhooks.signed(Long.toString(now), body, KEY);
    for (int i = 0; i < WARM_UP; i++) {
      mapper.map(((Verification.Accepted) verifier.verify(headers, body)).plain());
    }
    long start = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) {
      assertInstanceOf(Verification.Accepted.class, verifier.verify(headers, body));
    }
    long verifyNanos = (System.nanoTime() - start) / MEASURED;
    start = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) {
      mapper.map(((Verification.Accepted) verifier.verify(headers, body)).plain());
    }
    long bothNanos = (System.nanoTime() - start) / MEASURED;
    System.out.printf("verify: %d ns/request, verify+map: %d ns/request (body %d bytes)%n", verifyNanos, bothNanos, body.length);
    assertTrue(verifyNanos < BOUND_NANOS, "verify took " + verifyNanos + " ns on average");
  }
}
