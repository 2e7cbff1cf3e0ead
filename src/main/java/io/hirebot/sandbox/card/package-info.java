/** Validation of message content and card JSON 2.0 the way Feishu refuses it (codes 230001, 230025, 230099). */
package io.hirebot.sandbox.card;
