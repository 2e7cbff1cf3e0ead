package io.hirebot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps Micrometer's "This Gauge has been already registered" notice for the bot's own meters and drops it for Vert.x's.
 * Vert.x's metrics register their gauges again on every server, connection and request by design: its
 * {@code LongGauges} hand back the one counter already behind the id, so the values are right and the notice, logged
 * at WARN the first time in a process (Micrometer 1.13.9+), only alarms whoever reads the log
 * (vertx-micrometer-metrics#259, micrometer#6931, both open). The bot registers each of its own gauges once, in
 * {@link Wiring}; a second registration of one of those is still logged.
 */
final class VertxGaugeNotices extends TurboFilter {
  private static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";

  /** Installs the filter in the logging context, once per process. */
  static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> f instanceof VertxGaugeNotices)) {
      VertxGaugeNotices filter = new VertxGaugeNotices();
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return logger != null && LOGGER.equals(logger.getName()) && format != null
        && format.contains("already registered (MeterId{name='vertx.") ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
