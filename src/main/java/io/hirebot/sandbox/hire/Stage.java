package io.hirebot.sandbox.hire;

/** A stage of a hiring process; {@code type} is Feishu's stage type code (1 screening … 7 onboarded, 8 other). */
public record Stage(String id, String zhName, String enName, int type) {

  public static final int SCREENING = 1;
  public static final int EVALUATION = 2;
  public static final int WRITTEN_TEST = 3;
  public static final int INTERVIEW = 4;
  public static final int OFFER = 5;
  public static final int PENDING_ONBOARD = 6;
  public static final int ONBOARDED = 7;
  public static final int OTHER = 8;
}
