package io.hirebot.bot;

import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.i18n.Language;
import java.time.ZoneId;

/**
 * The message a command came from, the language to answer in, and the zone its dates are in: the chat's own, else the
 * configured one ({@link ChatZones}).
 */
public record CommandContext(IncomingMessage message, Language language, ZoneId zone) {}
