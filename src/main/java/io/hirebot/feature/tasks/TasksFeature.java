package io.hirebot.feature.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.ClaimedMessages;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Pager;
import io.hirebot.command.Command;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.TaskBoard;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.store.Database;
import io.hirebot.store.ReminderLedger;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * "my tasks" / "我的待办" (issue 16): what Feishu Hire is waiting for the asker to do — resumes to evaluate,
 * written tests to mark, interview feedback to submit — each with candidate, job, how long it has waited and a
 * button that opens the candidate's profile; and the routine that nudges people daily and escalates weekly
 * ({@link TaskNudges}). Tasks are personal: asked in a group, the card goes to the asker's private chat and the
 * group gets one line saying so.
 */
public final class TasksFeature implements Feature {
  /** The pager's action: a page of the clicker's own tasks. */
  public static final String PAGE = "tasks.page";

  private final HireMeter meter;
  private final Messenger messenger;
  private final Messages messages;
  private final Clock clock;
  private final Cards cards;
  private final TasksCard card;
  private final TaskNudges nudges;

  /**
   * @param hire the directory the routine reads through (cached, unmetered)
   * @param board everyone's tasks, shared with the digest so one pass reads them once
   * @param bulk the messenger's lane for messages nobody is waiting for (the nudges)
   * @param db where the nudges are claimed (the reminders ledger, shared with the interview reminders)
   */
  public TasksFeature(HireMeter meter, HireDirectory hire, TaskBoard board, Messenger messenger, Messenger bulk,
      Database db, Cards cards, Messages messages, Clock clock, Duration nudgeAfter, ZoneId zone) {
    this.meter = meter;
    this.messenger = messenger;
    this.messages = messages;
    this.clock = clock;
    this.cards = cards;
    this.card = new TasksCard(cards, messages);
    this.nudges = new TaskNudges(hire, board, new ClaimedMessages(new ReminderLedger(db, clock)::claim, bulk), card, nudgeAfter, zone);
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Command.MyTasks.class, this::myTasks)
        .action(PAGE, this::page)
        .routine(nudges);
  }

  private Future<Reply> myTasks(Command.MyTasks command, CommandContext context) {
    String me = context.message().sender() == null ? "" : context.message().sender().openId();
    Language lang = context.language();
    Future<Reply> card = render(me, 0, lang, "tasks");
    if (!context.message().chat().isGroup()) {
      return card;
    }
    // A group sees no one's to-do list: the asker gets it privately, the group one line (or why it failed).
    return card.compose(reply -> messenger.sendToUser(me, reply, "tasks:" + context.message().messageId()))
        .map(id -> (Reply) new Reply.Text(messages.get(lang, "tasks.sentPrivately")));
  }

  /** Next / previous page of the clicker's own tasks (a card forwarded to someone else shows theirs). */
  private Future<ActionResult> page(CardAction action, Language lang) {
    String me = action.operator() == null ? "" : action.operator().openId();
    int page = Math.max(0, action.value().path("page").asInt(0));
    return render(me, page, lang, PAGE).map(reply -> {
      Reply.Card c = (Reply.Card) reply;
      // The view names the page shown: the last one, when the list shrank below the page asked for.
      return new ActionResult(Toast.page(messages, page, c.view().path("page").asInt()), c.card(), c.view());
    });
  }

  private Future<Reply> render(String openId, int page, Language lang, String command) {
    return meter.run(command, hire -> new TaskBoard(hire).of(openId, clock.instant())).map(tasks -> {
      int shown = Pager.clamp(page, Pager.pages(tasks.items().size(), Pager.PAGE_SIZE));
      return Reply.card(card.mine(tasks, shown, clock.instant(), lang, view(0, lang)), view(shown, lang));
    });
  }

  /** The value that renders page {@code page} again: the pager's, and what living cards re-render as the asker. */
  private ObjectNode view(int page, Language lang) {
    return cards.model().put("action", PAGE).put("page", page).put("lang", lang.feishuLocale());
  }
}
