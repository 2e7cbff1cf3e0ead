/**
 * The webhook edge of Feishu: verifies and decrypts raw requests ({@link
 * io.hirebot.feishu.inbound.EnvelopeVerifier}) and maps the plaintext to the bot's inbound records
 * ({@link io.hirebot.feishu.inbound.InboundMapper}). Everything here is pure and safe on the event loop.
 *
 * <p>May import {@code bot.inbound} and Jackson; needs nothing from the Feishu SDK or Vert.x.
 */
package io.hirebot.feishu.inbound;
