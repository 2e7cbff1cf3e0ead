package io.hirebot.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The bot's log line, written directly: what {@link LogbackSetup#PATTERN} describes (time in UTC, level, thread,
 * logger shortened to {@value #LOGGER_LENGTH} characters, message, an exception folded onto the same line), without
 * logback's pattern parser and converter table, which cost the start-up about 140 classes (66 of them lambdas spun
 * when the table is built) before the first line could be written.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  static final int LOGGER_LENGTH = 24;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");
  private static final int LEVEL_WIDTH = 5;

  private final TargetLengthBasedClassNameAbbreviator abbreviator =
      new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);
  /** Logger names are few and fixed: each is shortened once. */
  private final Map<String, String> shortNames = new ConcurrentHashMap<>();
  /** Built on the first exception logged: a start-up without one never loads it. */
  private volatile ThrowableProxyConverter exceptions;

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
    String level = event.getLevel().toString();
    line.append(' ').append(level);
    for (int i = level.length(); i < LEVEL_WIDTH; i++) {
      line.append(' ');
    }
    line.append(" [").append(event.getThreadName()).append("] ")
        .append(shortNames.computeIfAbsent(event.getLoggerName(), abbreviator::abbreviate)).append(' ')
        .append(event.getFormattedMessage());
    // One line per event: the exception's own line breaks become " | " (a space leads, exception or not).
    String exception = event.getThrowableProxy() == null ? "" : exceptions().convert(event);
    line.append(LINE_BREAKS.matcher(" " + exception).replaceAll(" | "));
    return line.append(CoreConstants.LINE_SEPARATOR).toString();
  }

  /** The exception's class, message and first frame, with causes and suppressed ones ({@code %ex{short}}). */
  private ThrowableProxyConverter exceptions() {
    ThrowableProxyConverter converter = exceptions;
    if (converter == null) {
      converter = new ThrowableProxyConverter();
      converter.setContext(getContext());
      converter.setOptionList(List.of("short"));
      converter.start();
      exceptions = converter;
    }
    return converter;
  }
}
