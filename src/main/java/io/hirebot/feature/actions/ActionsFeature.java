package io.hirebot.feature.actions;

import io.hirebot.access.AccessPolicy;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.hire.HireMeter;
import io.hirebot.i18n.Messages;
import java.time.Clock;

/**
 * Actions typed in words (issue 17): "move Carol Davis to second interview", "把王敏推进到笔试", "reject … — reason",
 * "note on 李洋: …" are answered with a confirmation card whose Confirm runs the candidate-row action itself.
 */
public final class ActionsFeature implements Feature {
  /** A button of "which application?" / "which stage?": shows the confirmation for that choice. */
  public static final String CHOOSE = "typed.choose";
  /** Cancel on a confirmation: writes nothing and says so. */
  public static final String CANCEL = "typed.cancel";

  private final TypedActions actions;

  public ActionsFeature(HireMeter meter, AccessPolicy access, Cards cards, Messages messages, Clock clock) {
    this.actions = new TypedActions(meter, access, cards, messages, clock);
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(Command.Move.class, actions::handle)
        .command(Command.Advance.class, actions::handle)
        .command(Command.Reject.class, actions::handle)
        .command(Command.Note.class, actions::handle)
        .action(CHOOSE, actions::choose)
        .action(CANCEL, actions::cancel);
  }
}
