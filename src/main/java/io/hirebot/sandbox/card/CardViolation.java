package io.hirebot.sandbox.card;

/** A card Feishu would refuse: the API error code (230099, 230025…) and a message in Feishu's style. */
public final class CardViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;

  public CardViolation(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
