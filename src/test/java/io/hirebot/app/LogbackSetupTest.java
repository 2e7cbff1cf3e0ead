package io.hirebot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the production logging set-up lets through, as operators read it on stdout. */
class LogbackSetupTest {

  @Test
  @DisplayName("a Feishu call that timed out is the bot's one line, not also the SDK's ERROR with a stack")
  void sdkTransportQuiet() {
    LoggerContext context = new LoggerContext();
    LogbackSetup.install(context);
    ListAppender<ILoggingEvent> read = new ListAppender<>();
    read.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(read);

    // What oapi-sdk 2.5.3's Transport.send logs for every call whose socket timed out (javap: "send error:{},{}").
    Logger transport = context.getLogger("com.lark.oapi.core.Transport");
    transport.error("send error:{},{}", "GET", "/open-apis/hire/v1/jobs", new SocketTimeoutException("Read timed out"));
    context.getLogger("io.hirebot.bot.BotDispatcher").error("command failed command=ShowCandidates cause=timeout");
    context.getLogger("com.lark.oapi.service.hire").warn("an SDK warning elsewhere");

    assertEquals(List.of("command failed command=ShowCandidates cause=timeout", "an SDK warning elsewhere"),
        read.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertEquals(Level.INFO, context.getLogger("io.hirebot").getEffectiveLevel());
  }
}
