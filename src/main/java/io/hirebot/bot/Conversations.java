package io.hirebot.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.SharedActions;
import io.hirebot.command.Command;
import io.hirebot.command.Conversation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What each user was last shown in each chat, for {@code window}, so that a follow-up ("next page", "第二个人的简历")
 * knows what it follows: the command asked, the people on the card that answered it and, for a card with a pager, its
 * view (the callback value that renders it, a pager's value); updated when a click replaces that card with another
 * page or a profile, when a typed page does (it is that pager's click), and when a card is sent to the chat for the
 * user from elsewhere ({@link #shown}: their tasks asked in a group arrive in their private chat). Keyed by (chat, user), so context never
 * crosses chats or users. Kept in memory on this replica: a follow-up that reaches another replica finds nothing and
 * is asked "which job?" / "which person?", never answered from someone else's context. Thread-safe.
 */
public final class Conversations {
  /** A bound on memory: one entry per active (chat, user) pair, under a kilobyte each (a view, a few people). */
  static final int MAX_ENTRIES = 50_000;
  /** Buttons that act on one person's row; an Undo, a follow or a pager names no one shown. */
  private static final Set<String> ROW_ACTIONS = Set.of(SharedActions.ADVANCE, SharedActions.REJECT,
      SharedActions.NOTE, SharedActions.PROFILE_OPEN, "more");

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Key(String chatId, String userId) {}

  private final Cache<Key, Conversation> recent;

  /** @param clock the bot's clock: the window is measured on it (tests move it) */
  public Conversations(Duration window, Clock clock) {
    this.recent = Caffeine.newBuilder()
        .expireAfterWrite(window.toNanos(), TimeUnit.NANOSECONDS)
        .maximumSize(MAX_ENTRIES)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
  }

  /** What {@code userId} was last shown in {@code chatId} within the window; {@link Conversation#NONE} otherwise. */
  public Conversation of(String chatId, String userId) {
    if (chatId == null || userId == null) {
      return Conversation.NONE;
    }
    Conversation c = recent.getIfPresent(new Key(chatId, userId));
    return c == null ? Conversation.NONE : c;
  }

  /**
   * {@code userId} typed {@code command} in {@code chatId} and was answered with {@code card} (null for a text):
   * whatever they asked, but for a question back, it is now what a follow-up follows.
   *
   * @param view the card's view (its page), or null
   */
  public void asked(String chatId, String userId, Command command, ObjectNode card, ObjectNode view) {
    // A question back ("Which job?", "Job or person?") is a picker: like a form, it leaves what they were shown.
    if (chatId == null || userId == null || command == null || command instanceof Command.AskWhich
        || command instanceof Command.Clarify) {
      return;
    }
    if (command instanceof Command.TurnPage || command instanceof Command.GoBack) {
      // A typed page is its pager's click, a typed "back" its Back button's: the same card at another page, or the list
      // it was opened from, or (past the last page, a list gone) a text that leaves the card as it was.
      shown(chatId, userId, card, view);
      return;
    }
    recent.put(new Key(chatId, userId), new Conversation(atViewedPage(command, view), people(card), paged(view)));
  }

  /**
   * {@code card} was put in {@code chatId} for {@code userId} other than as the answer to words they typed there: their
   * click replaced a card with it, or a command or click of theirs elsewhere sent it to this chat (their tasks asked
   * in a group, a profile's full details, both sent to their private chat). A card with a view (a list page, a profile)
   * becomes what their follow-ups in this chat follow; a form or a picker (no view) leaves the conversation as it was.
   * Only this chat's conversation moves: the chat the command or click came from keeps its own.
   */
  public void shown(String chatId, String userId, ObjectNode card, ObjectNode view) {
    if (chatId == null || userId == null || view == null) {
      return;
    }
    Key key = new Key(chatId, userId);
    Conversation before = of(chatId, userId);
    Command shown = shownBy(view, before.shown());
    if (shown == null && samePager(view, before.paged())) {
      // Another page of the card the command showed ("offers for BE-001", page 2) still answers that command.
      shown = before.shown();
    }
    recent.put(key, new Conversation(shown, people(card), paged(view)));
  }

  /**
   * The card as its pager shows it, when the view has a page (a pager's value), with the list it leads back to when it
   * was opened from one (its Back button's value); else null.
   */
  private static Conversation.Paged paged(ObjectNode view) {
    if (view == null || !view.path(Pager.PAGE).canConvertToInt()) {
      return null;
    }
    ObjectNode back = QuickActions.back(view);
    return new Conversation.Paged(view.toString(), view.path(Pager.PAGE).asInt(),
        back == null ? null : back.toString());
  }

  /** Whether {@code view} shows the card {@code before} showed, at whichever page and in whichever language. */
  private static boolean samePager(ObjectNode view, Conversation.Paged before) {
    if (before == null || !view.has(Pager.PAGE)) {
      return false;
    }
    try {
      JsonNode earlier = JSON.readTree(before.view());
      return earlier instanceof ObjectNode e && withoutPage(e).equals(withoutPage(view));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static ObjectNode withoutPage(ObjectNode view) {
    ObjectNode v = view.deepCopy();
    v.remove(List.of(Pager.PAGE, "lang"));
    return v;
  }

  /** The typed command at the page its card shows (a pager click later moves it). */
  private static Command atViewedPage(Command command, ObjectNode view) {
    if (view == null || !view.path("page").canConvertToInt()) {
      return command;
    }
    int page = view.path("page").asInt();
    if (command instanceof Command.ShowCandidates c) {
      return new Command.ShowCandidates(c.jobQuery(), c.stageQuery(), c.appliedSince(), page);
    }
    if (command instanceof Command.ShowProfile p && view.hasNonNull("talent_id")) {
      return new Command.ShowProfile(p.name(), view.path("talent_id").asText());
    }
    return command;
  }

  /**
   * The command that shows a clicked view: a list of the view's job (its typed stage and period kept while the view
   * still filters by them) or a talent's profile; null for views no follow-up reads.
   */
  private static Command shownBy(ObjectNode view, Command before) {
    String action = view.path("action").asText("");
    if (action.equals(SharedActions.CANDIDATES_PAGE)) {
      Command.ShowCandidates typed = before instanceof Command.ShowCandidates c ? c
          : before instanceof Command.CountCandidates count ? count.list() : null;
      // The stage filter in the words it was asked for, which the view carries (a list a click filtered, such as a
      // "Which job?" button's, was never typed); the typed words for a view from before it carried them.
      String stage = !view.hasNonNull("stages") ? "" : view.hasNonNull("stage_words") ? view.path("stage_words").asText()
          : typed != null ? typed.stageQuery() : "";
      var since = typed != null && view.hasNonNull("since") ? typed.appliedSince() : null;
      // The job by its Hire id: the job matcher finds a job by id, whatever the user typed for it.
      return new Command.ShowCandidates(view.path("job_id").asText(""), stage, since, view.path("page").asInt(0));
    }
    if (action.equals(SharedActions.PROFILE_PAGE)) {
      return new Command.ShowProfile(view.path("name").asText(""), view.path("talent_id").asText(""));
    }
    return null;
  }

  /** The people whose rows the card shows, in order: each row's buttons name its talent. */
  static List<Conversation.Person> people(ObjectNode card) {
    if (card == null) {
      return List.of();
    }
    Map<String, Conversation.Person> byTalent = new LinkedHashMap<>();
    collect(card, byTalent);
    return new ArrayList<>(byTalent.values());
  }

  private static void collect(JsonNode node, Map<String, Conversation.Person> byTalent) {
    if (node.isObject()) {
      String talent = node.path("talent_id").asText("");
      if (!talent.isEmpty() && ROW_ACTIONS.contains(node.path("action").asText(""))) {
        Conversation.Person seen = byTalent.get(talent);
        String name = node.path("name").asText("");
        if (seen == null || (seen.name().isEmpty() && !name.isEmpty())) {
          byTalent.put(talent, new Conversation.Person(talent, name, node.path("application_id").asText("")));
        }
      }
    }
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, byTalent));
    }
  }
}
