package io.hirebot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What a logger and the loggers under it log while a test holds this open (try-with-resources), with the thread
 * each line came from: for tests of where work runs, and of what operators read.
 */
public final class LoggedLines implements AutoCloseable {
  private final Logger logger;
  private final Level before;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LoggedLines(String name, Level level) {
    logger = (Logger) LoggerFactory.getLogger(name);
    before = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    appender.start();
    logger.addAppender(appender);
  }

  /** Everything {@code name} and the loggers under it log at their configured levels. */
  public static LoggedLines of(String name) {
    return new LoggedLines(name, null);
  }

  /** Everything {@code name} and the loggers under it log at {@code level} and above. */
  public static LoggedLines of(String name, Level level) {
    return new LoggedLines(name, level);
  }

  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** One string per line: {@code <thread> <logger> <message>}. */
  public List<String> lines() {
    return events().stream().map(e -> e.getThreadName() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(before);
  }
}
