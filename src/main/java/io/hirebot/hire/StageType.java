package io.hirebot.hire;

import java.util.Arrays;

/** Feishu Hire's stage type codes (reference/feishu-hire-api.md §3): what kind of step a stage is. */
public enum StageType {
  SCREENING(1),
  EVALUATION(2),
  WRITTEN_TEST(3),
  INTERVIEW(4),
  OFFER(5),
  PENDING_ONBOARDING(6),
  ONBOARDED(7),
  OTHER(8),
  SYSTEM(255);

  private final int code;

  StageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Unknown codes map to OTHER, so a new Hire stage type never breaks a card. */
  public static StageType ofCode(int code) {
    return Arrays.stream(values()).filter(t -> t.code == code).findFirst().orElse(OTHER);
  }
}
