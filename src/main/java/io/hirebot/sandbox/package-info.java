/**
 * An in-process Feishu (Lark) open platform for tests, benchmarks and the bot's sandbox mode.
 *
 * <p>{@link io.hirebot.sandbox.FeishuSandbox} serves the OpenAPI paths the bot uses (tenant token, bot info, IM,
 * card update, Hire) over real HTTP and pushes signed, encrypted envelopes to the bot's webhooks. Its state
 * ({@link io.hirebot.sandbox.HireTenant}, {@link io.hirebot.sandbox.ImState}, {@link io.hirebot.sandbox.RequestLog},
 * {@link io.hirebot.sandbox.Faults}) is thread-safe. This package imports nothing of the bot and nothing of the
 * Feishu SDK: only Vert.x, Jackson and the JDK, so that it stays an independent witness of the protocol.
 */
package io.hirebot.sandbox;
