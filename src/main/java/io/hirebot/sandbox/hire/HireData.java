package io.hirebot.sandbox.hire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mutable maps of one Hire tenant, in insertion order (which is the order list endpoints return).
 * Not thread-safe: {@code HireTenant} guards every access with its lock.
 */
public final class HireData {

  public final Map<String, JobProcess> processes = new LinkedHashMap<>();
  public final Map<String, Job> jobs = new LinkedHashMap<>();
  public final Map<String, Talent> talents = new LinkedHashMap<>();
  public final Map<String, Application> applications = new LinkedHashMap<>();
  public final Map<String, Interview> interviews = new LinkedHashMap<>();
  public final Map<String, Offer> offers = new LinkedHashMap<>();
  public final Map<String, Note> notes = new LinkedHashMap<>();
  public final Map<String, TerminationReason> terminationReasons = new LinkedHashMap<>();
  public final Map<String, Evaluation> evaluations = new LinkedHashMap<>();
  public final Map<String, HireUser> users = new LinkedHashMap<>();
  /**
   * Written tests and employee records (issue 16's flow data, {@link DemoFlow}). Like evaluation and interview tasks,
   * the exam-marking tasks have no map of their own: each is a test's {@link WrittenTest#markingStatus}.
   */
  public final Map<String, WrittenTest> tests = new LinkedHashMap<>();
  public final Map<String, Employee> employees = new LinkedHashMap<>();
  /** Next serial per id kind, so ids created by tests never collide with seeded ones. */
  public final Map<Character, Long> serials = new LinkedHashMap<>();

  /** A new 19-digit numeric id: '7', a kind digit, then a zero-padded serial. */
  public String nextId(char kind) {
    long n = serials.merge(kind, 1L, Long::sum);
    return "7" + kind + String.format("%017d", n);
  }

  public HireData copy() {
    HireData c = new HireData();
    c.processes.putAll(processes);
    c.jobs.putAll(jobs);
    c.talents.putAll(talents);
    c.applications.putAll(applications);
    c.interviews.putAll(interviews);
    c.offers.putAll(offers);
    c.notes.putAll(notes);
    c.terminationReasons.putAll(terminationReasons);
    c.evaluations.putAll(evaluations);
    c.users.putAll(users);
    c.tests.putAll(tests);
    c.employees.putAll(employees);
    c.serials.putAll(serials);
    return c;
  }

  /** The employee record Hire made when the application's candidate joined, if they did. */
  public java.util.Optional<Employee> employeeOf(String applicationId) {
    return employees.values().stream().filter(e -> e.applicationId().equals(applicationId)).findFirst();
  }

  /**
   * The candidate joined at {@code onboardTime} (transfer_onboard's actual_onboard_time): their employee record, made
   * now or, when they already have one, given that time.
   */
  public void recordOnboarding(String applicationId, long onboardTime) {
    Employee before = employeeOf(applicationId).orElse(null);
    String id = before == null ? nextId(IdKinds.OTHER) : before.id();
    employees.put(id, new Employee(id, applicationId, Employee.JOINED, onboardTime));
  }

  /** A user's display name, or the id itself when unknown. */
  public String userName(String openId) {
    HireUser u = users.get(openId);
    return u == null ? openId : u.name();
  }

  public JobProcess processOf(Job job) {
    return processes.get(job.processId());
  }
}
