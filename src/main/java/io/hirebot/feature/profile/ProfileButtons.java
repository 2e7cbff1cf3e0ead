package io.hirebot.feature.profile;

import io.hirebot.cards.SharedActions;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.middleware.CardChats;
import io.hirebot.hire.HireDirectory;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.Messages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/**
 * Profile buttons: a talent picked from several of the same name, the pager over their applications, and "Full details
 * (private)". A click does not say what kind of chat it came from: phone and email are shown on a page only where the
 * page before showed them (the pager's value says so) and the clicked card is one the bot recorded in a private chat
 * (or the page was typed there); a profile opened from any other button never shows them.
 */
final class ProfileButtons {
  static final String PAGE = SharedActions.PROFILE_PAGE;
  /** The "Profile" quick action of candidate rows: replaces the clicked card with the talent's profile. */
  static final String OPEN = SharedActions.PROFILE_OPEN;
  /** "Full details (private)": the profile with contact data, sent to the clicker's private chat. */
  static final String PRIVATE = "profile.private";
  /**
   * Value key of a button that opens a profile from a list (tasks, offers): the value that shows that list again, so
   * the profile offers "Back to the list". It is the bot's own card value; any action it names checks rights anew.
   */
  public static final String BACK = io.hirebot.cards.SharedActions.BACK;
  /**
   * View key of a profile shown with phone and email (a private chat's), which its pager's values carry too: read from
   * a click only together with the kind of chat the clicked card is in ({@link #show}), never alone.
   */
  static final String CONTACT = "contact";
  /** View key: the ids of the applications a profile shows (see {@link io.hirebot.cards.QuickActions#SHOWN}). */
  static final String SHOWN = io.hirebot.cards.QuickActions.SHOWN;

  private final HireMeter meter;
  private final ProfileReader reader;
  private final Messages messages;
  private final Messenger messenger;
  private final CardChats cardChats;

  /** @param cardChats the kind of chat each card the bot sent is in (a click names its chat, not the chat's kind) */
  ProfileButtons(HireMeter meter, ProfileReader reader, Messages messages, Messenger messenger, CardChats cardChats) {
    this.meter = meter;
    this.reader = reader;
    this.messages = messages;
    this.messenger = messenger;
    this.cardChats = cardChats;
  }

  /**
   * Viewer-aware details: whoever clicks, if Hire lists them on a hiring team (or they are an admin), gets
   * the full profile, contact data included, in their private chat; the group card never changes.
   */
  public Future<ActionResult> sendPrivately(CardAction action, Language lang) {
    String talentId = action.value().path("talent_id").asText("");
    String who = action.operatorId();
    if (talentId.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    Talent talent = new Talent(talentId, action.value().path("name").asText(""), "", "");
    return meter.run(PRIVATE, hire -> reader.mayReadContact(hire, talentId, who)).compose(allowed -> {
      if (!allowed) {
        return Future.succeededFuture(ActionResult.of(Toast.error(messages, "profile.private.refused")));
      }
      return profile(PRIVATE, talent, 0, true, who, null, lang)
          .compose(shown -> messenger.sendToUser(who, shown, "details-" + action.eventId()))
          .map(id -> ActionResult.of(Toast.info(messages, "profile.private.sent")));
    });
  }

  public Future<ActionResult> show(CardAction action, Language lang) {
    String talentId = action.value().path("talent_id").asText("");
    if (talentId.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    int page = Math.max(0, action.value().path("page").asInt(0));
    String name = action.value().path("name").asText("");
    boolean opening = OPEN.equals(action.value().path("action").asText());
    return privateContact(action)
        .compose(contact -> profile(PAGE, new Talent(talentId, name, "", ""), page, contact, action.operatorId(),
            back(action.value()), lang))
        .map(shown -> new ActionResult(opening ? opened(name)
            : Toast.page(messages, page, shown.view().path("page").asInt()), shown.card(), shown.view()));
  }

  /**
   * Whether the clicked page shows contact data: the page before showed it (its pager's value says so; a group's
   * profile never does) and the card is in a private chat, as the bot recorded it (or as a page typed there says).
   * A value that claims it on a card the bot never recorded, or recorded in a group, shows none. Who may read it is
   * the reader's to check, on every page.
   */
  private Future<Boolean> privateContact(CardAction action) {
    if (!action.value().path(CONTACT).asBoolean(false)) {
      return Future.succeededFuture(false);
    }
    return cardChats.kindOf(action).map(kind -> kind.orElse(ChatRef.ChatType.GROUP) == ChatRef.ChatType.P2P)
        .otherwise(false);
  }

  /** Opening a profile names whose it is; only its pager's buttons say which page. */
  private Toast opened(String name) {
    return name.isBlank() ? Toast.info(messages, "toast.profile.opened") : Toast.info(messages, "toast.profile", name);
  }

  /** The list to go back to, when the click's value names one as a card action (an object with an "action"). */
  private static ObjectNode back(ObjectNode value) {
    return io.hirebot.cards.QuickActions.back(value);
  }

  /**
   * A talent's profile without contact data (as every button shows it), offering {@code viewer} the changes they may
   * make and, with {@code back}, the way back to the list it was opened from, with the value that renders it again.
   */
  public Future<Reply.Card> render(Talent talent, int page, String viewer, ObjectNode back, Language lang) {
    return profile(PAGE, talent, page, false, viewer, back, lang);
  }

  /**
   * Renders a profile's view again, as a living card: contact data only where the view was a private chat's
   * profile with it (a value only the bot itself wrote; a click's value never reaches here), the way back where it had
   * one.
   */
  public Future<ObjectNode> rerender(ObjectNode view, String viewer, Language lang) {
    Talent talent = new Talent(view.path("talent_id").asText(""), view.path("name").asText(""), "", "");
    int page = Math.max(0, view.path("page").asInt(0));
    return profile(PAGE, talent, page, view.path(CONTACT).asBoolean(false), viewer, back(view), lang)
        .map(Reply.Card::card);
  }

  /**
   * The profile at {@code page} with the value that renders it again: with phone and email when {@code contact} (a
   * private chat's; the reader shows them only to whom they are for, and says whom they are for to anyone else), and
   * with the way back to {@code back} when there is one.
   *
   * @param command the name its Hire calls are counted under
   */
  private Future<Reply.Card> profile(String command, Talent talent, int page, boolean contact, String viewer,
      ObjectNode back, Language lang) {
    return meter.run(command, hire -> (contact ? withContact(hire, talent) : Future.succeededFuture(talent))
            .compose(shown -> reader.render(hire, shown, page, contact, viewer, back, lang)))
        .map(shown -> {
          ObjectNode view = view(shown, talent, shown.page(), lang);
          if (contact) {
            view.put(CONTACT, true);
          }
          if (back != null) {
            view.set(BACK, back);
          }
          return new Reply.Card(shown.card(), view);
        });
  }

  /** The talent with phone and email: a card carries no contact data, Hire's search has it. */
  private static Future<Talent> withContact(HireDirectory hire, Talent talent) {
    return talent.name().isBlank() ? Future.succeededFuture(talent) : hire.searchTalents(talent.name())
        .map(found -> found.stream().filter(t -> t.id().equals(talent.id())).findFirst().orElse(talent));
  }

  /**
   * The value living cards re-render a shown profile with: {@link #view}, naming the applications it shows
   * ({@link #SHOWN}), which a card without buttons does not name otherwise.
   */
  static ObjectNode view(ProfileReader.Shown shown, Talent talent, int page, Language lang) {
    ObjectNode v = view(shown.card().objectNode(), talent, page, lang);
    shown.applicationIds().forEach(v.putArray(SHOWN)::add);
    return v;
  }

  /** The value that shows the profile at {@code page}: its pager's, and what living cards re-render. */
  static ObjectNode view(ObjectNode blank, Talent talent, int page, Language lang) {
    return blank.put("action", PAGE).put("talent_id", talent.id()).put("name", talent.name()).put("page", page)
        .put("lang", lang.feishuLocale());
  }
}
