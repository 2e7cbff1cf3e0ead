package io.hirebot.feature.understanding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.command.Command;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a command into a button's callback value and reads it back when the button is clicked. Only commands
 * that read hiring data are carried: a value, whatever it says, can never run an admin command or a write.
 */
final class CommandCodec {

  static final String TYPE = "command";
  static final String ARGS = "args";
  private static final Map<String, Class<? extends Command>> CARRIED = Map.of(
      "candidates", Command.ShowCandidates.class, "count", Command.CountCandidates.class,
      "profile", Command.ShowProfile.class, "where", Command.WhereIs.class, "pipeline", Command.ShowPipeline.class,
      "offers", Command.ListOffers.class, "jobs", Command.ListJobs.class, "interviews", Command.ListInterviews.class);

  private final ObjectMapper mapper;

  CommandCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Puts the command into {@code value}; false (value unchanged) for a command buttons may not carry. */
  boolean write(Command command, ObjectNode value) {
    for (Map.Entry<String, Class<? extends Command>> e : CARRIED.entrySet()) {
      if (e.getValue() == command.getClass()) {
        value.put(TYPE, e.getKey());
        value.set(ARGS, mapper.valueToTree(command));
        return true;
      }
    }
    return false;
  }

  /**
   * A callback value that runs {@code command} when clicked, as typed in the chat the clicked card is in (which the
   * bot recorded when it sent the card; the value says nothing of it, since a card can be forwarded); null for a
   * command buttons may not carry.
   */
  ObjectNode button(Command command, io.hirebot.i18n.Language lang) {
    ObjectNode value = mapper.createObjectNode().put("action", UnderstandingFeature.RUN).put("lang", lang.feishuLocale());
    return write(command, value) ? value : null;
  }

  /** The command a clicked value carries; empty when it carries none this codec reads, or is malformed. */
  Optional<Command> read(ObjectNode value) {
    Class<? extends Command> type = CARRIED.get(value.path(TYPE).asText(""));
    if (type == null || !value.path(ARGS).isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.treeToValue(value.path(ARGS), type));
    } catch (Exception malformed) {
      return Optional.empty();
    }
  }
}
