package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.hire.PipelineFilter;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A candidates list as a card button carries it: the job, the filter, a notice about what could not
 * be understood (a stage the job does not have), and the stage filter in the words it was asked for ("interview"),
 * so a follow-up of a list reached by a click asks for the same stages, in another job too. Written into and read
 * from callback values.
 */
record CandidatesQuery(String jobId, PipelineFilter filter, String notice, String stageWords) {
  static final String STAGES = "stages";
  /** Read by {@code bot/Conversations}: the words of the stage filter, next to its ids. */
  static final String STAGE_WORDS = "stage_words";
  static final String SINCE = "since";
  /** The end of a span that has ended ("last week"); absent when the span runs to now. */
  static final String UNTIL = "until";

  CandidatesQuery(String jobId, PipelineFilter filter, String notice) {
    this(jobId, filter, notice, "");
  }

  /** The callback value that shows this list again (at page 0; the pager sets the page). */
  ObjectNode writeTo(ObjectNode value) {
    value.put("job_id", jobId);
    value.put("page", 0);
    return writeFilter(value);
  }

  /** The callback value that shows this list at {@code page}: the pager's, and what living cards re-render. */
  ObjectNode view(ObjectNode blank, int page, String lang) {
    return writeTo(blank.put("action", CandidatesFeature.PAGE)).put("page", page).put("lang", lang);
  }

  /** Only the filter (a row button carries it next to its own ids, so its answer is this same list). */
  ObjectNode writeFilter(ObjectNode value) {
    if (!filter.stageIds().isEmpty()) {
      value.put(STAGES, filter.stageIds().stream().sorted().collect(Collectors.joining(",")));
      if (!stageWords.isEmpty()) {
        value.put(STAGE_WORDS, stageWords);
      }
    }
    if (filter.appliedSince() != null) {
      value.put(SINCE, filter.appliedSince().toEpochMilli());
    }
    if (filter.appliedBefore() != null) {
      value.put(UNTIL, filter.appliedBefore().toEpochMilli());
    }
    return value;
  }

  /** The list a button asks for; a value from before filters existed means every candidate. */
  static CandidatesQuery readFrom(ObjectNode value) {
    String stages = value.path(STAGES).asText("");
    Set<String> ids = stages.isEmpty() ? Set.of()
        : Arrays.stream(stages.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    Instant since = value.hasNonNull(SINCE) ? Instant.ofEpochMilli(value.path(SINCE).asLong()) : null;
    Instant until = since != null && value.hasNonNull(UNTIL) ? Instant.ofEpochMilli(value.path(UNTIL).asLong()) : null;
    return new CandidatesQuery(value.path("job_id").asText(""), new PipelineFilter(ids, since, until), "",
        ids.isEmpty() ? "" : value.path(STAGE_WORDS).asText(""));
  }

  /** The same list with {@code answer} said above whatever notice it had. */
  CandidatesQuery withNotice(String answer) {
    return new CandidatesQuery(jobId, filter, notice.isEmpty() ? answer : answer + "\n" + notice, stageWords);
  }

  CandidatesQuery widenStages() {
    return new CandidatesQuery(jobId, new PipelineFilter(Set.of(), filter.appliedSince(), filter.appliedBefore()), "");
  }

  CandidatesQuery widenDates() {
    return new CandidatesQuery(jobId, new PipelineFilter(filter.stageIds(), null), "", stageWords);
  }
}
