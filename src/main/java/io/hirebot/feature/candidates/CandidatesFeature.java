package io.hirebot.feature.candidates;

import io.hirebot.access.AccessPolicy;
import io.hirebot.access.AuditLog;
import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ChatFollows;
import io.hirebot.bot.ErrorReplies;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Messenger;
import io.hirebot.bot.MovesFromChats;
import io.hirebot.bot.ProfileView;
import io.hirebot.bot.SentCards;
import io.hirebot.bot.SharedTurns;
import io.hirebot.cards.Cards;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.cards.SharedActions;
import io.hirebot.command.Command;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.OwnChanges;
import io.hirebot.hire.StageEntries;
import io.hirebot.hire.StageMatcher;
import io.hirebot.i18n.Messages;
import java.time.Clock;

/**
 * A job's candidates: "show candidates for job X [in stage S] [applied last week]", its pager and filters, and
 * the quick actions on each row (advance, reject, move, note, undo; the profile through {@link ProfileView}).
 */
public final class CandidatesFeature implements Feature {
  /**
   * Rows per candidates page, sized to Feishu's 200 elements as Feishu counts them: a row is 19 (its column
   * set, 4 columns, the line, Advance and Reject with their texts and confirm, the menu's 3 options and their
   * texts), the rest of the card at most 46 (header, outcome, chips, widen buttons, notice, follow, counts,
   * a heading per stage, pager): 8 rows are at most 198. Ten were up to 218 and Feishu refused them. A private card
   * whose viewer may not change the job adds a line saying so, and each of its rows loses Advance and Reject.
   */
  public static final int PAGE_SIZE = 8;
  /** A job chosen from a picker, or any card's button to a job's candidates ({@link ListOpening} places the list). */
  public static final String SHOW = SharedActions.CANDIDATES_SHOW;
  /** Next / previous page, widen a filter. */
  public static final String PAGE = SharedActions.CANDIDATES_PAGE;

  private final CandidatesCommand command;
  private final CandidatesPager pager;
  private final ListOpening opening;
  private final RowActions rows;

  /**
   * @param profiles the profile card, which actions taken from a profile answer with
   * @param sentCards where the bot's cards are, so a form, or a list asked for on a card, knows whether it sits in a
   *     group
   * @param follows whether a chat follows a job (the subscriptions feature's), which the card's Follow button shows
   * @param messenger the on-behalf messenger: a list a group's card asks for is sent as a reply to it, recorded as a
   *     reply is
   * @param once makes a click that Feishu delivers twice write once, or post once
   * @param turns the writes on one application taking turns across replicas (one at a time, whichever replica)
   * @param moves notifies the rejections and restores made by clicks, but to the chats they were clicked in (the
   *     subscriptions feature's)
   * @param changes keeps each change made by a click, who made it and the chats it was made from: profiles show it,
   *     a move's notification skips those chats, and a row after an Undo counts its days in stage from it
   */
  public CandidatesFeature(HireDirectory hire, HireMeter meter, ProfileView profiles, Messenger messenger,
      SentCards sentCards, ChatFollows follows, MovesFromChats moves, OwnChanges changes, AccessPolicy access,
      ActionOnce once, SharedTurns turns, AuditLog audit,
      ErrorReplies errors, JobChoiceCard jobChoices, Cards cards, Messages messages, Clock clock) {
    CandidatesCard card = new CandidatesCard(cards, messages, clock);
    PipelineReader pipeline = new PipelineReader(hire, clock);
    Audiences audiences = new Audiences(follows, access, sentCards);
    // Days in stage after an Undo count from the entry before the undone move, which the bot's record kept.
    StageEntries entries = new StageEntries(changes::of);
    this.command = new CandidatesCommand(meter, new StageMatcher(), card, audiences, entries, jobChoices, messages,
        clock);
    this.pager = new CandidatesPager(meter, card, audiences, entries, messages, clock);
    this.opening = new ListOpening(pager, once, messenger, sentCards, messages);
    this.rows = new RowActions(new ActionKit(hire, moves, changes, profiles,
        new FormPlaces(messenger, sentCards, messages, cards), pipeline,
        new CandidatesView(hire, pipeline, card, audiences, entries),
        new ActionGuard(access, sentCards, once, turns, errors, messages, clock), new ActionForms(cards, messages), errors, cards,
        messages, clock));
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Command.ShowCandidates.class, command)
        .command(Command.CountCandidates.class, command::count)
        .action(SHOW, opening::click)
        .action(PAGE, pager::showPage);
    rows.register(registry);
  }
}
