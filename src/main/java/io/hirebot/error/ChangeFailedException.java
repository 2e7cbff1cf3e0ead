package io.hirebot.error;

/**
 * A change the user asked Hire to make (a button's write) that failed, naming the change as the user knows it: what
 * they are told names what they clicked, and, when Hire gave no answer, that the change may have been made anyway.
 */
public final class ChangeFailedException extends RuntimeException {
  private final String changeKey;

  /** @param changeKey the message key of the change's name as the user clicked it ({@code change.reject}, …) */
  public ChangeFailedException(String changeKey, Throwable cause) {
    super(cause.getMessage(), cause, false, false);
    this.changeKey = changeKey;
  }

  public String changeKey() {
    return changeKey;
  }
}
