package io.hirebot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bot's log line written directly is the line logback's pattern layout wrote from the documented pattern. */
class LogLineTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  @DisplayName("plain lines: the same text as the pattern, level padded, long logger names shortened")
  void plainLines() {
    assertSame(event("io.hirebot.app.BotIdentity", Level.INFO, "bot identity open_id={} app_name={}", null,
        "ou_hirebot", "HireBot"));
    assertSame(event("com.zaxxer.hikari.pool.HikariPool", Level.WARN, "hirebot-db - Added connection", null));
    assertSame(event("io.hirebot.feature.candidates.CandidatesFeature", Level.ERROR, "x=1 y=\"two words\"", null));
    assertSame(event("Main", Level.DEBUG, "short", null));
  }

  @Test
  @DisplayName("an exception with a cause and a suppressed one stays on the event's line")
  void exceptionOnOneLine() {
    SQLException cause = new SQLException("Database is already closed");
    IOException failure = new IOException("routine failed", cause);
    failure.addSuppressed(new IllegalStateException("also closed"));
    LoggingEvent event = event("io.hirebot.schedule.Scheduler", Level.ERROR, "routine failed routine={}", failure,
        "purge");

    String line = direct().doLayout(event);

    assertSame(event);
    assertEquals(1, line.split("\n").length, line);
    assertTrue(line.contains("java.io.IOException: routine failed | \tat "), line);
    assertTrue(line.contains("Caused by: java.sql.SQLException: Database is already closed"), line);
  }

  private void assertSame(LoggingEvent event) {
    PatternLayout pattern = new PatternLayout();
    pattern.setContext(context);
    pattern.setPattern(LogbackSetup.PATTERN);
    pattern.start();
    assertEquals(pattern.doLayout(event), direct().doLayout(event));
  }

  private LogLine direct() {
    LogLine layout = new LogLine();
    layout.setContext(context);
    layout.start();
    return layout;
  }

  private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
    LoggingEvent event = new LoggingEvent("fqcn", context.getLogger(logger), level, message, thrown, args);
    event.setThreadName("vert.x-eventloop-thread-1");
    return event;
  }
}
