/** Feishu's envelope encryption (AES-256-CBC) and X-Lark-Signature, shared by the pusher and tests. */
package io.hirebot.sandbox.push;
