package io.hirebot.feature.profile;

import io.hirebot.cards.SharedActions;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.Toast;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.middleware.CardChats;
import io.hirebot.cards.QuickActions;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Talent;
import io.hirebot.i18n.Messages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.ZoneId;

/**
 * Profile buttons: a talent picked from several of the same name, the pager over their applications, and "Full details
 * (private)"; and the profile drawn in place of a card for other features, living cards and {@link ProfileOpening}.
 * Phone and email are shown on a page, and on the profile a change made on one answers with, only as
 * {@link ContactRule} says (the card before showed them, in a private chat); a profile opened from any other button
 * never shows them.
 */
final class ProfileButtons {
  static final String PAGE = SharedActions.PROFILE_PAGE;
  /** "Full details (private)": the profile with contact data, sent to the clicker's private chat. */
  static final String PRIVATE = "profile.private";
  /**
   * Value key of a button that opens a profile from a list (tasks, offers): the value that shows that list again, so
   * the profile offers "Back to the list". It is the bot's own card value; any action it names checks rights anew.
   */
  public static final String BACK = io.hirebot.cards.SharedActions.BACK;
  /**
   * View key of a profile shown with phone and email (a private chat's), which its pager's and its quick actions'
   * values carry too: read from a click only together with the kind of chat the clicked card is in
   * ({@link ContactRule}), never alone.
   */
  static final String CONTACT = QuickActions.CONTACT;
  /** View key: the ids of the applications a profile shows (see {@link io.hirebot.cards.QuickActions#SHOWN}). */
  static final String SHOWN = io.hirebot.cards.QuickActions.SHOWN;

  private final HireMeter meter;
  private final ProfileReader reader;
  private final Messages messages;
  private final Messenger messenger;
  private final ContactRule contact;
  private final ProfileAccess access;

  /** @param cardChats the kind of chat each card the bot sent is in (a click names its chat, not the chat's kind) */
  ProfileButtons(HireMeter meter, ProfileReader reader, ProfileAccess access, Messages messages, Messenger messenger,
      CardChats cardChats) {
    this.meter = meter;
    this.reader = reader;
    this.access = access;
    this.messages = messages;
    this.messenger = messenger;
    this.contact = new ContactRule(cardChats);
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
      // Sent to the clicker's private chat, whose id the click does not name: in the zone of the chat they clicked in.
      return profile(PRIVATE, talent, 0, true, who, null, lang, action.zone())
          .compose(shown -> messenger.sendToUser(who, shown, "details-" + action.eventId()))
          .map(id -> ActionResult.of(Toast.info(messages, "profile.private.sent")));
    });
  }

  /**
   * A page of the profile, or a namesake picked: in place of the clicked card (a picker, or the profile itself), when
   * the clicker may see it there ({@link ProfileAccess}).
   */
  public Future<ActionResult> show(CardAction action, Language lang) {
    String talentId = action.value().path("talent_id").asText("");
    if (talentId.isEmpty()) {
      return Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")));
    }
    int page = Math.max(0, action.value().path("page").asInt(0));
    String name = action.value().path("name").asText("");
    CardPlace place = CardPlace.of(action);
    return refusal(talentId, place).compose(refused -> refused != null
        ? Future.succeededFuture(ActionResult.of(Toast.error(messages, refused)))
        : drawn(new Talent(talentId, name, "", ""), page, action.value().path(CONTACT).asBoolean(false), place,
            back(action.value()), lang)
            .map(shown -> new ActionResult(Toast.page(messages, page, shown.view().path("page").asInt()),
                shown.card(), shown.view())));
  }

  /**
   * Null when the viewer at {@code place} may see the talent's profile there, else the refusal's i18n key: the rule a
   * typed profile follows too ({@link ProfileAccess}). A profile re-rendered in place, or drawn after a change its
   * viewer made on it, was theirs to see already.
   */
  Future<String> refusal(String talentId, CardPlace place) {
    return meter.run(PAGE, hire -> access.refusal(hire, talentId, place));
  }

  /** The list to go back to, when the click's value names one as a card action (an object with an "action"). */
  private static ObjectNode back(ObjectNode value) {
    return io.hirebot.cards.QuickActions.back(value);
  }

  /**
   * A talent's profile in place of the card at {@code place} (a change made on a profile answers with it), offering
   * its viewer the changes they may make and, with {@code back}, the way back to the list it was opened from, with
   * the value that renders it again; with phone and email where {@code claimed} and {@link ContactRule} agree.
   */
  public Future<Reply.Card> render(String talentId, int page, CardPlace place, boolean claimed, ObjectNode back,
      Language lang) {
    return drawn(new Talent(talentId, "", "", ""), page, claimed, place, back, lang);
  }

  /**
   * Renders a profile's view again, as a living card at {@code place}: with contact data where the view says the
   * profile showed it and {@link ContactRule} agrees, the way back where it had one.
   */
  public Future<ObjectNode> rerender(ObjectNode view, CardPlace place, Language lang) {
    Talent talent = new Talent(view.path("talent_id").asText(""), view.path("name").asText(""), "", "");
    int page = Math.max(0, view.path("page").asInt(0));
    return drawn(talent, page, view.path(CONTACT).asBoolean(false), place, back(view), lang).map(Reply.Card::card);
  }

  /** The profile in place of the card at {@code place}, for its viewer, with contact data as {@link ContactRule} says. */
  Future<Reply.Card> drawn(Talent talent, int page, boolean claimed, CardPlace place, ObjectNode back,
      Language lang) {
    return contact.shows(claimed, place)
        .compose(shows -> profile(PAGE, talent, page, shows, place.viewer(), back, lang, place.zone()));
  }

  /**
   * The profile at {@code page} with the value that renders it again: with phone and email when {@code contact} (a
   * private chat's; the reader shows them only to whom they are for, and says whom they are for to anyone else), and
   * with the way back to {@code back} when there is one.
   *
   * @param command the name its Hire calls are counted under
   * @param zone the zone its dates are in
   */
  private Future<Reply.Card> profile(String command, Talent talent, int page, boolean contact, String viewer,
      ObjectNode back, Language lang, ZoneId zone) {
    return meter.run(command, hire -> (contact ? withContact(hire, talent) : Future.succeededFuture(talent))
        .compose(full -> reader.render(hire, full, page, contact, viewer, back, lang, zone).map(shown -> {
          // Named as Hire names them: the next page, or a re-render, of a profile drawn from an id alone finds the
          // contact data by that name again.
          ObjectNode view = view(shown, full, shown.page(), lang);
          if (contact) {
            view.put(CONTACT, true);
          }
          if (back != null) {
            view.set(BACK, back);
          }
          return new Reply.Card(shown.card(), view);
        })));
  }

  /**
   * The talent with phone and email: a card carries no contact data, Hire's search by name has it. A profile drawn from
   * an id alone (the answer to a change made on it) is named by one of the talent's applications first.
   */
  private static Future<Talent> withContact(HireDirectory hire, Talent talent) {
    return named(hire, talent).compose(named -> !named.hasName() ? Future.succeededFuture(named)
        : hire.searchTalents(named.name())
            .map(found -> found.stream().filter(t -> t.id().equals(named.id())).findFirst().orElse(named)));
  }

  /** The talent with the name Hire gives them on their applications, when the card gave none. */
  private static Future<Talent> named(HireDirectory hire, Talent talent) {
    if (!talent.name().isBlank()) {
      return Future.succeededFuture(talent);
    }
    return hire.applicationIdsOfTalent(talent.id()).compose(ids -> ids.isEmpty() ? Future.succeededFuture(talent)
        : hire.application(ids.get(0)).map(Application::talentName)
            .map(name -> name == null ? talent : talent.withName(name)));
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
