package io.hirebot.bot.inbound;

/** A Feishu user as the events name them; {@code openId} is the id the bot uses everywhere. */
public record UserRef(String openId, String unionId, String userId) {
  public static UserRef ofOpenId(String openId) {
    return new UserRef(openId, null, null);
  }
}
