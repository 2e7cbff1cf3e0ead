package io.hirebot.bench;

import io.hirebot.sandbox.Chat;
import io.hirebot.sandbox.FeishuSandbox;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's data in the emulator, next to the demo tenant: one job per pipeline size with that many
 * active applications spread over its process's stages, and group chats to spread replies over (Feishu
 * allows 5 messages per second per chat).
 */
final class BenchTenant {
  static final int CHATS = 20;

  private final Map<Integer, Job> jobs = new LinkedHashMap<>();
  private final List<String> chats = new ArrayList<>();

  BenchTenant(FeishuSandbox sandbox, List<Integer> sizes) {
    var hire = sandbox.hire();
    Job like = hire.jobByCode("BE-001").orElseThrow(() -> new IllegalStateException("demo job BE-001 missing"));
    for (int size : sizes) {
      Job job = hire.addJob("Bench Role " + size, code(size), like.processId(), like.recruiterId(),
          like.hiringManagerIds().get(0));
      List<Stage> stages = hire.stagesOf(job.id());
      for (int i = 0; i < size; i++) {
        Talent t = hire.addTalent("Bench Talent " + size + "-" + i, String.format("139%08d", size * 1000 + i),
            "bench" + size + "-" + i + "@example.com");
        hire.addApplication(job.id(), t.id(), stages.get(i % stages.size()).id());
      }
      jobs.put(size, job);
    }
    for (int i = 0; i < CHATS; i++) {
      Chat chat = Chat.group("oc_bench_" + i, "bench " + i);
      sandbox.im().addChat(chat);
      chats.add(chat.chatId());
    }
  }

  /** The benchmark's group chats, which every bot under test must have enabled. */
  List<String> chats() {
    return List.copyOf(chats);
  }

  static String code(int size) {
    return "BENCH-" + size;
  }

  Job job(int size) {
    return jobs.get(size);
  }

  /** A chat to send the n-th message in, round robin. */
  String chat(long n) {
    return chats.get((int) (n % chats.size()));
  }
}
