package io.hirebot.hire;

import java.util.List;

/** The people Hire lists as owning a job (open_ids): who may change its candidates' applications. */
public record JobTeam(String jobId, String recruiterId, List<String> hiringManagerIds, List<String> assistantIds) {
  public JobTeam {
    hiringManagerIds = List.copyOf(hiringManagerIds);
    assistantIds = List.copyOf(assistantIds);
  }

  /** Recruiter and hiring managers; assistants only help and are not owners. */
  public boolean owns(String openId) {
    return openId != null && (openId.equals(recruiterId) || hiringManagerIds.contains(openId));
  }

  /** The owners and the assistants (协助人): everyone Hire lists on the job. */
  public boolean includes(String openId) {
    return owns(openId) || openId != null && assistantIds.contains(openId);
  }
}
