package io.hirebot.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret an HTTP client presents as {@code Authorization: Bearer <token>} (the metrics endpoint's,
 * {@code HIREBOT_METRICS_TOKEN}); never printed.
 */
public record BearerToken(String value) {
  /** Shorter than this is guessable; {@code openssl rand -hex 16} gives 32 characters. */
  public static final int MIN_LENGTH = 16;
  private static final String SCHEME = "Bearer ";

  /** Whether an {@code Authorization} header carries this token (the scheme's name in any case, as RFC 9110 says). */
  public boolean admits(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    // In constant time: how much of a guess matched must not show in how long the refusal took.
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BearerToken[set]";
  }
}
