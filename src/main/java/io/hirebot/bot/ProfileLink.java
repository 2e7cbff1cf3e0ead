package io.hirebot.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;

/**
 * The button value that opens a candidate's profile. The profile feature owns and answers the action; it is
 * named here, at bot level, so the buttons of other features (reminders, tasks) can open a profile without
 * importing that feature.
 */
public final class ProfileLink {
  /** The callback value's {@code action} the profile feature registers for "open this talent's profile". */
  public static final String OPEN = "profile";

  private ProfileLink() {}

  /** Fills {@code value} with what the profile's open action reads: the talent, its name, page 0, the language. */
  public static ObjectNode value(ObjectNode value, String talentId, String talentName, Language lang) {
    return value.put("action", OPEN).put("talent_id", talentId).put("name", talentName).put("page", 0)
        .put("lang", lang.feishuLocale());
  }
}
