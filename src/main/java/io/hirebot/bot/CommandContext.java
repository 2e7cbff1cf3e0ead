package io.hirebot.bot;

import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.i18n.Language;

/** The message a command came from and the language to answer in. */
public record CommandContext(IncomingMessage message, Language language) {}
