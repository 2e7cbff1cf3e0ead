package io.hirebot.feature.profile;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.command.Language;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/**
 * Profile buttons: a talent picked from several of the same name, and the pager over their applications.
 * A click does not say whether the chat is private, so cards shown from buttons never carry phone or email.
 */
public final class ProfileActions {
  public static final String PAGE = "profile.page";
  /** The "Profile" quick action of candidate rows: replaces the clicked card with the talent's profile. */
  public static final String OPEN = "profile";

  private final HireMeter meter;
  private final ProfileReader reader;
  private final Messages messages;

  ProfileActions(HireMeter meter, ProfileReader reader, Messages messages) {
    this.meter = meter;
    this.reader = reader;
    this.messages = messages;
  }

  public Future<ActionResult> show(CardAction action, Language lang) {
    String talentId = action.value().path("talent_id").asText("");
    if (talentId.isEmpty()) {
      return Future.succeededFuture(ActionResult.error(messages.get(lang, "toast.expired")));
    }
    int page = Math.max(0, action.value().path("page").asInt(0));
    Talent talent = new Talent(talentId, action.value().path("name").asText(""), "", "");
    return meter.run(PAGE, hire -> reader.render(hire, talent, page, false, lang))
        .map(card -> new ActionResult(ActionResult.ToastType.INFO, messages.get(lang, "toast.page", page + 1), card));
  }
}
