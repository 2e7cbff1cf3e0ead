package io.hirebot.command;

import java.util.Optional;

/** One row of the grammar: recognizes one phrasing of one command, or declines with empty. */
@FunctionalInterface
interface CommandRule {

  Optional<ParseResult> match(Utterance utterance);
}
