package io.hirebot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Delayed-update tokens issued with card callbacks: valid 30 min, 2 uses, only once the callback was answered. */
final class CardTokens {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final int MAX_USES = 2;

  private static final class Token {
    final String messageId;
    final Instant issued;
    boolean answered;
    int uses;

    Token(String messageId, Instant issued) {
      this.messageId = messageId;
      this.issued = issued;
    }
  }

  private final Clock clock;
  private final Map<String, Token> tokens = new HashMap<>();

  CardTokens(Clock clock) {
    this.clock = clock;
  }

  synchronized String issue(String messageId) {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    String token = "c-" + HexFormat.of().formatHex(bytes);
    tokens.put(token, new Token(messageId, clock.instant()));
    return token;
  }

  /** Marks the callback of this token as answered, which allows delayed updates from now on. */
  synchronized void answered(String token) {
    Token t = tokens.get(token);
    if (t != null) {
      t.answered = true;
    }
  }

  /** Spends one use of the token and returns the card message it updates, or throws Feishu's error. */
  synchronized String use(String token) {
    if (token == null || !token.startsWith("c-")) {
      throw ApiError.badRequest(300020, "token format is invalid");
    }
    Token t = tokens.get(token);
    if (t == null || clock.instant().isAfter(t.issued.plus(LIFETIME))) {
      throw ApiError.badRequest(300030, "token is expired or does not exist");
    }
    if (!t.answered) {
      throw ApiError.badRequest(300030, "token cannot be used before the card callback has been answered");
    }
    if (t.uses >= MAX_USES) {
      throw ApiError.badRequest(300040, "token has been used up (2 updates per token)");
    }
    t.uses++;
    return t.messageId;
  }
}
