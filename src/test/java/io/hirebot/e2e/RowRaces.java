package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What the tests of clicks racing on one row of a candidates card share: the row, the writes Hire got, the answers. */
final class RowRaces {
  static final String TRANSFER = "/open-apis/hire/v1/applications/[^/]+/transfer_stage";
  static final String TERMINATE = "/open-apis/hire/v1/applications/[^/]+/terminate";

  private RowRaces() {}

  /** An active application of the job with two process stages after its own (neither a final one) to move to. */
  static Application movable(BotHarness h, Job job) {
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(a -> {
          int i = indexOf(stages, a.stageId());
          return i >= 0 && i + 2 < stages.size() && stages.get(i + 1).type() != 7 && stages.get(i + 2).type() != 7
              && stages.get(i).type() < 5;
        })
        .findFirst().orElseThrow();
  }

  /** The process stage {@code steps} after the application's. */
  static Stage stageAfter(BotHarness h, Job job, Application a, int steps) {
    List<Stage> stages = h.sandbox.hire().stagesOf(job.id());
    return stages.get(indexOf(stages, a.stageId()) + steps);
  }

  private static int indexOf(List<Stage> stages, String id) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  static long transfers(BotHarness h, Application a) {
    return h.sandbox.requests().count("POST", "/open-apis/hire/v1/applications/" + a.id() + "/transfer_stage");
  }

  static long terminates(BotHarness h, Application a) {
    return h.sandbox.requests().count("POST", "/open-apis/hire/v1/applications/" + a.id() + "/terminate");
  }

  static String toastType(PushResult r) {
    return r.jsonBody().getJsonObject("toast", new JsonObject()).getString("type", "");
  }

  /** Each answer reached Feishu within its 3 s, as a valid answer, with no exception text in it. */
  static void answeredInTime(PushResult... answers) {
    for (PushResult r : answers) {
      assertEquals(200, r.status(), r.body());
      assertTrue(r.delivered(), "answered within 3 s: " + r.body());
      assertEquals(List.of(), r.violations());
      assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), r.body());
    }
  }
}
