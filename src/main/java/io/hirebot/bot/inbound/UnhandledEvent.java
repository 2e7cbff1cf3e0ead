package io.hirebot.bot.inbound;

/** Any other well-formed event: acknowledged, counted and logged at debug, otherwise ignored. */
public record UnhandledEvent(String eventId, String eventType) implements InboundEvent {
  @Override
  public String dedupKey() {
    return "ev:" + eventId;
  }
}
