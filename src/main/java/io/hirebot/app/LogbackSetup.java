package io.hirebot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The bot's logging set-up in code, found by logback through {@code META-INF/services}: one line per event on
 * stdout (time, level, thread, logger, message with key=value pairs, an exception folded onto the same line), root
 * level from {@code HIREBOT_LOG_LEVEL}. An XML configuration costs start-up ~600 classes (logback's Joran and the
 * JDK's XML parser) for these few settings, and the line is written by {@link LogLine} rather than a pattern layout.
 * An operator's {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the classpath (the tests'), still wins: this then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  /** What {@link LogLine} writes, in logback's pattern language (for an operator's own configuration). */
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} "
      + "%msg%replace( %ex{short}){'[\\r\\n]+', ' | '}%nopex%n";
  static final String LEVEL_VARIABLE = "HIREBOT_LOG_LEVEL";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogbackSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    install(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** One line per event on stdout at the configured levels. */
  static void install(LoggerContext context) {
    LogLine layout = new LogLine();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
    stdout.setContext(context);
    stdout.setName("STDOUT");
    stdout.setEncoder(encoder);
    stdout.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(stdout);
    root.setLevel(Level.toLevel(level(), Level.INFO));
    context.getLogger("io.netty").setLevel(Level.WARN);
    context.getLogger("io.vertx").setLevel(Level.INFO);
    context.getLogger("com.lark.oapi").setLevel(Level.WARN);
    // The SDK logs an ERROR with a stack for every call whose socket timed out or failed, often after the bot's own
    // deadline gave up on the call and logged it in one line with the operation (and the user got an answer): during
    // a Hire outage that doubled every failure with a stack that says nothing more.
    context.getLogger("com.lark.oapi.core.Transport").setLevel(Level.OFF);
  }

  /** A system property first, then the environment, as logback's {@code ${HIREBOT_LOG_LEVEL:-INFO}} looked. */
  private static String level() {
    String level = System.getProperty(LEVEL_VARIABLE);
    return level != null ? level : System.getenv(LEVEL_VARIABLE);
  }
}
