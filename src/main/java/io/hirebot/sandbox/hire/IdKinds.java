package io.hirebot.sandbox.hire;

/** The kind digit inside sandbox ids (see {@link HireData#nextId(char)}), so an id tells what it names. */
public final class IdKinds {
  public static final char PROCESS = '0';
  public static final char STAGE = '1';
  public static final char JOB = '2';
  public static final char TALENT = '3';
  public static final char APPLICATION = '4';
  public static final char INTERVIEW = '5';
  public static final char OFFER = '6';
  public static final char NOTE = '7';
  public static final char REASON = '8';
  public static final char OTHER = '9';

  private IdKinds() {}
}
