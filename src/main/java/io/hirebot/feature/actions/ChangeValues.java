package io.hirebot.feature.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.command.Command;
import io.hirebot.i18n.Language;
import java.util.Optional;

/**
 * A typed change written into a choice button's callback value ("which application?", "which stage?") and read
 * back when it is clicked. The click only leads to a confirmation card: a value can never write by itself.
 */
final class ChangeValues {
  private final Cards cards;

  ChangeValues(Cards cards) {
    this.cards = cards;
  }

  /** A value for the {@link ActionsFeature#CHOOSE} button carrying {@code change}. */
  ObjectNode write(Command.Change change, Language lang) {
    ObjectNode v = cards.model().put("action", ActionsFeature.CHOOSE).put("lang", lang.feishuLocale())
        .put("person", change.person());
    if (change instanceof Command.Move m) {
      return v.put("kind", "move").put("stage", m.stageQuery());
    }
    if (change instanceof Command.Advance) {
      return v.put("kind", "advance");
    }
    if (change instanceof Command.Reject r) {
      return v.put("kind", "reject").put("remark", r.remark());
    }
    return v.put("kind", "note").put("text", ((Command.Note) change).text());
  }

  /** The change a clicked value carries; empty when it is malformed. */
  Optional<Command.Change> read(ObjectNode v) {
    String person = v.path("person").asText("");
    if (person.isEmpty()) {
      return Optional.empty();
    }
    return switch (v.path("kind").asText("")) {
      case "move" -> Optional.of(new Command.Move(person, v.path("stage").asText("")));
      case "advance" -> Optional.of(new Command.Advance(person));
      case "reject" -> Optional.of(new Command.Reject(person, v.path("remark").asText("")));
      case "note" -> v.path("text").asText("").isBlank() ? Optional.empty()
          : Optional.of(new Command.Note(person, v.path("text").asText("")));
      default -> Optional.empty();
    };
  }
}
