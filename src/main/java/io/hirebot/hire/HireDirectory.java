package io.hirebot.hire;

import io.vertx.core.Future;
import java.util.List;

/**
 * The port through which features read Feishu Hire. Implementations never block the caller; a failed
 * call fails the future with {@link io.hirebot.error.FeishuApiException} carrying code, msg and log id.
 */
public interface HireDirectory {

  /** Every job of the tenant (open and closed); Hire has no job search, so matching happens locally. */
  Future<List<Job>> jobs();

  /** Every hiring process with its ordered stages. */
  Future<List<JobProcess>> processes();

  /** Ids of the job's active applications in one stage, in Hire's order. */
  Future<List<String>> activeApplicationIds(String jobId, String stageId);

  /** One application with its current stage and the talent's name. */
  Future<Application> application(String applicationId);

  /** One offer: which application it belongs to and its status (for offer notifications). */
  Future<Offer> offer(String offerId);
}
