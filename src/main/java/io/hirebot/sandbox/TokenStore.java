package io.hirebot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** tenant_access_tokens issued by the sandbox and their expiry, on the config clock; thread-safe. */
final class TokenStore {

  /** A token and the seconds it has left. */
  record Issued(String token, long expireSeconds) {}

  static final Duration LIFETIME = Duration.ofHours(2);
  /** Feishu hands out a fresh token once the current one has less than this left. */
  static final Duration RENEW_BELOW = Duration.ofMinutes(30);

  private final Clock clock;
  private final Map<String, Instant> expiries = new HashMap<>();
  private String current;

  TokenStore(Clock clock) {
    this.clock = clock;
  }

  synchronized Issued issue() {
    Instant now = clock.instant();
    Instant expiry = current == null ? null : expiries.get(current);
    if (expiry == null || Duration.between(now, expiry).compareTo(RENEW_BELOW) < 0) {
      byte[] bytes = new byte[16];
      ThreadLocalRandom.current().nextBytes(bytes);
      current = "t-g" + HexFormat.of().formatHex(bytes);
      expiry = now.plus(LIFETIME);
      expiries.put(current, expiry);
    }
    return new Issued(current, Duration.between(now, expiry).toSeconds());
  }

  synchronized boolean valid(String token) {
    Instant expiry = expiries.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  /** Forgets every token, as if they had all expired. */
  synchronized void expireAll() {
    expiries.clear();
    current = null;
  }
}
