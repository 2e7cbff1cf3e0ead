package io.hirebot.sandbox.hire;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Renders tenant records in the JSON shapes of oapi-sdk 2.5.3's Hire models (field names from the SDK); stateless. */
public final class HireJson {

  /** Base of resume source ids: one id per resume_source_type. */
  private static final String RESUME_SOURCES = "7980000000000000000";

  private HireJson() {}

  /** A 19-digit id derived from another (for sub-objects the tenant does not model, e.g. an education entry). */
  static String derivedId(String id, int n) {
    return "79" + id.substring(2, Math.min(id.length(), 18)) + n % 10;
  }

  public static JsonObject i18n(String zh, String en) {
    return new JsonObject().put("zh_cn", zh).put("en_us", en);
  }

  public static JsonObject idName(String id, String zh, String en) {
    return new JsonObject().put("id", id).put("name", i18n(zh, en));
  }

  static JsonObject user(HireData d, String openId) {
    HireUser u = d.users.get(openId);
    return idName(openId, u == null ? openId : u.name(), u == null ? openId : u.enName());
  }

  public static JsonObject stage(Stage s) {
    return new JsonObject().put("id", s.id()).put("zh_name", s.zhName()).put("en_name", s.enName()).put("type", s.type());
  }

  public static JsonObject process(JobProcess p) {
    JsonArray stages = new JsonArray();
    p.stages().forEach(s -> stages.add(stage(s)));
    return new JsonObject().put("id", p.id()).put("zh_name", p.zhName()).put("en_name", p.enName())
        .put("type", p.type()).put("stage_list", stages);
  }

  private static JsonArray cityList(Job j) {
    return new JsonArray().add(new JsonObject().put("code", j.cityCode()).put("name", i18n(j.cityZh(), j.cityEn())));
  }

  /** The {@code Job} model of jobs list / get. */
  public static JsonObject job(HireData d, Job j) {
    // A job outlives a process removed from the tenant: it still names the process id, without its details.
    JobProcess p = d.processOf(j) != null ? d.processOf(j) : new JobProcess(j.processId(), "", "", 1, List.of());
    return new JsonObject().put("id", j.id()).put("title", j.title()).put("code", j.code())
        .put("description", j.description()).put("requirement", "")
        .put("recruitment_type", new JsonObject().put("id", "101").put("zh_name", "全职").put("en_name", "Full-time").put("active_status", 1))
        .put("department", new JsonObject().put("id", j.departmentId()).put("zh_name", j.departmentZh()).put("en_name", j.departmentEn()))
        .put("city", new JsonObject().put("city_code", j.cityCode()).put("zh_name", j.cityZh()).put("en_name", j.cityEn()))
        .put("city_list", cityList(j))
        .put("active_status", j.activeStatus()).put("create_user_id", j.recruiterId())
        .put("create_time", j.createTime()).put("update_time", j.updateTime())
        .put("create_timestamp", String.valueOf(j.createTime())).put("update_timestamp", String.valueOf(j.updateTime()))
        .put("process_type", p.type()).put("process_id", p.id()).put("process_name", p.zhName()).put("process_en_name", p.enName())
        .put("head_count", j.headCount()).put("experience", 4).put("required_degree", 6).put("job_attribute", 1);
  }

  /** data.job_detail of jobs/:id/get_detail. */
  public static JsonObject jobDetail(HireData d, Job j) {
    JobProcess p = d.processOf(j);
    JsonObject basic = new JsonObject().put("id", j.id()).put("title", j.title()).put("code", j.code())
        .put("description", j.description()).put("requirement", "")
        .put("department", new JsonObject().put("id", j.departmentId()).put("name", i18n(j.departmentZh(), j.departmentEn())))
        .put("active_status", j.activeStatus()).put("creator_id", j.recruiterId())
        .put("create_time", String.valueOf(j.createTime())).put("update_time", String.valueOf(j.updateTime()))
        .put("process_type", p.type()).put("process_id", p.id()).put("process_name", i18n(p.zhName(), p.enName()))
        .put("head_count", j.headCount()).put("city_list", cityList(j)).put("job_attribute", 1).put("storefront_mode", 1);
    JsonArray hms = new JsonArray();
    j.hiringManagerIds().forEach(id -> hms.add(user(d, id)));
    JsonArray assistants = new JsonArray();
    j.assistantIds().forEach(id -> assistants.add(user(d, id)));
    return new JsonObject().put("basic_info", basic).put("recruiter", user(d, j.recruiterId()))
        .put("hiring_manager_list", hms).put("assistant_list", assistants);
  }

  /** data.info of jobs/:id/recruiter. */
  public static JsonObject recruiter(Job j) {
    return new JsonObject().put("id", j.id()).put("recruiter_id", j.recruiterId())
        .put("hiring_manager_id_list", new JsonArray(j.hiringManagerIds()))
        .put("assistant_id_list", new JsonArray(j.assistantIds()));
  }

  private static JsonArray stageTimes(Application a) {
    JsonArray times = new JsonArray();
    for (StageTime t : a.stageTimes()) {
      times.add(new JsonObject().put("stage_id", t.stageId()).put("enter_time", String.valueOf(t.enterTime()))
          .put("exit_time", t.exitTime() == null ? "" : String.valueOf(t.exitTime())));
    }
    return times;
  }

  /**
   * The application's stage, named: one its job's process no longer has is named too when another process has it
   * (the job's process changed, and Hire still knows the stage), and is only its id when none does (deleted).
   */
  private static JsonObject currentStage(HireData d, Application a) {
    Job job = d.jobs.get(a.jobId());
    return d.processOf(job).stage(a.stageId())
        .or(() -> d.processes.values().stream().flatMap(p -> p.stage(a.stageId()).stream()).findFirst())
        .map(HireJson::stage).orElse(new JsonObject().put("id", a.stageId()));
  }

  private static JsonObject resumeSource(Application a) {
    return new JsonObject().put("id", derivedId(RESUME_SOURCES, a.resumeSourceType())).put("name", i18n("官网", "Careers site"))
        .put("resume_source_type", a.resumeSourceType());
  }

  /** data.application of applications/:id. */
  public static JsonObject application(HireData d, Application a) {
    JsonObject o = new JsonObject().put("id", a.id()).put("job_id", a.jobId()).put("talent_id", a.talentId())
        .put("resume_source_id", derivedId(RESUME_SOURCES, a.resumeSourceType())).put("stage", currentStage(d, a))
        .put("active_status", a.activeStatus()).put("delivery_type", a.deliveryType())
        .put("resume_source_info", resumeSource(a))
        .put("create_time", String.valueOf(a.createTime())).put("modify_time", String.valueOf(a.modifyTime()))
        .put("stage_time_list", stageTimes(a));
    if (!a.active()) {
      o.put("termination_type", a.terminationType()).put("termination_reason_list", new JsonArray(a.terminationReasonIds()))
          .put("termination_reason_note", a.terminationNote());
    }
    return o;
  }

  /** application_detail.basic_info of get_detail. */
  public static JsonObject applicationBasic(HireData d, Application a) {
    JsonObject o = new JsonObject().put("id", a.id()).put("job_id", a.jobId()).put("talent_id", a.talentId())
        .put("stage", currentStage(d, a)).put("active_status", a.activeStatus()).put("delivery_type", a.deliveryType())
        .put("resume_source_info", resumeSource(a)).put("stage_time_list", stageTimes(a))
        // 投递入职状态, 1 not joined / 2 joined: Hire's word on whether the candidate joined, set with the employee
        // record by the onboarding itself (not by the stage's type or the application's update time).
        .put("onboard_status", d.employeeOf(a.id()).isPresent() ? 2 : 1)
        .put("owner_id", d.jobs.get(a.jobId()).recruiterId())
        .put("create_time", String.valueOf(a.createTime())).put("modify_time", String.valueOf(a.modifyTime()));
    if (!a.active() && !a.terminationReasonIds().isEmpty()) {
      TerminationReason r = d.terminationReasons.get(a.terminationReasonIds().get(0));
      if (r != null) {
        o.put("termination_reason", idName(r.id(), r.zhName(), r.enName()).put("children", new JsonArray()));
      }
      o.put("terminator_id", a.terminatorId());
    }
    return o;
  }

  /** TalentBasicInfoV2 of get_detail (with_talent). */
  public static JsonObject talentBrief(Talent t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("mobile_code", t.mobileCode())
        .put("mobile_number", t.mobile()).put("email", t.email());
  }

  /** The v1 {@code Talent} model (talents/:id and talents list). */
  public static JsonObject talentV1(Talent t) {
    JsonObject city = new JsonObject().put("city_code", t.cityCode()).put("zh_name", t.cityZh()).put("en_name", t.cityEn());
    JsonObject basic = new JsonObject().put("name", t.name()).put("mobile", t.mobile()).put("mobile_code", t.mobileCode())
        .put("email", t.email()).put("experience_years", t.experienceYears()).put("age", t.age()).put("gender", t.gender())
        .put("current_city", city).put("preferred_city_list", new JsonArray().add(city))
        .put("modify_time", String.valueOf(t.createTime()));
    return new JsonObject().put("id", t.id()).put("is_in_agency_period", false).put("is_onboarded", false)
        .put("basic_info", basic)
        .put("education_list", new JsonArray().add(new JsonObject().put("id", derivedId(t.id(), 1)).put("degree", t.degree())
            .put("school", t.school()).put("field_of_study", "计算机科学 Computer Science").put("start_time", "2012-09").put("end_time", "2016-06")))
        .put("career_list", new JsonArray().add(new JsonObject().put("id", derivedId(t.id(), 2)).put("company", t.company())
            .put("title", t.title()).put("start_time", "2019-03").put("end_time", "-").put("career_type", 2)));
  }

  /** data of v2 talents/:id (fields directly under data). */
  public static JsonObject talentV2(HireData d, Talent t) {
    JsonObject basic = new JsonObject().put("name", t.name()).put("mobile_number", t.mobile()).put("mobile_code", t.mobileCode())
        .put("email", t.email()).put("experience_years", t.experienceYears()).put("age", t.age()).put("gender", t.gender())
        .put("current_location_code", t.cityCode()).put("create_time", String.valueOf(t.createTime()))
        .put("update_time", String.valueOf(t.createTime())).put("confidential", 2);
    JsonArray notes = new JsonArray();
    d.notes.values().stream().filter(n -> n.talentId().equals(t.id())).forEach(n -> notes.add(new JsonObject()
        .put("id", n.id()).put("talent_id", n.talentId()).put("application_id", n.applicationId())
        .put("create_time", String.valueOf(n.createTime())).put("update_time", String.valueOf(n.createTime()))
        .put("creator_id", n.creatorId()).put("content", n.content()).put("privacy", n.privacy())));
    return new JsonObject().put("talent_id", t.id()).put("basic_info", basic)
        .put("education_list", new JsonArray().add(new JsonObject().put("degree", t.degree()).put("school_name", t.school())
            .put("major", "计算机科学 Computer Science").put("start_time", "2012-09").put("end_time", "2016-06")))
        .put("career_list", new JsonArray().add(new JsonObject().put("company_name", t.company()).put("title", t.title())
            .put("start_time", "2019-03").put("end_time", "")))
        .put("is_onboarded", false).put("is_in_agency_period", false).put("note_list_v2", notes);
  }

  /** InterviewExtend of interviews list ({@code ms} as Long); {@code asStrings} gives get_detail's V2 shape. */
  public static JsonObject interview(HireData d, Interview i, long now, boolean asStrings) {
    JsonArray records = new JsonArray();
    for (InterviewFeedback f : i.feedback()) {
      JsonObject r = new JsonObject().put("id", f.id()).put("commit_status", f.submitted() ? 1 : 2)
          .put("interviewer", user(d, f.interviewerId()));
      if (asStrings) {
        r.put("submit_time", f.submitTime() == null ? "" : String.valueOf(f.submitTime()))
            .put("record_score", new JsonObject().put("score", f.conclusion() == 1 ? 85.0 : 40.0).put("total_score", 100.0));
      } else {
        r.put("user_id", f.interviewerId()).put("conclusion", f.conclusion()).put("content", f.content())
            .put("feedback_submit_time", f.submitTime());
      }
      records.add(r);
    }
    Job job = d.jobs.get(d.applications.get(i.applicationId()).jobId());
    String stageZh = d.processOf(job).stage(i.stageId()).map(Stage::zhName).orElse("");
    String stageEn = d.processOf(job).stage(i.stageId()).map(Stage::enName).orElse("");
    JsonObject o = new JsonObject().put("id", i.id()).put("round", i.round()).put("stage_id", i.stageId())
        .put("application_id", i.applicationId()).put("stage", idName(i.stageId(), stageZh, stageEn))
        .put("interview_round_summary", i.roundSummary(now)).put("interview_type", i.interviewType())
        .put("video_type", i.interviewType() == 3 ? 9 : 100).put("arrangement_type", 1).put("arrangement_status", 1)
        .put("interview_arrangement_id", derivedId(i.id(), 0)).put("interview_record_list", records);
    if (i.creatorId() != null) {
      o.put("creator", user(d, i.creatorId()));
    }
    if (asStrings) {
      return o.put("begin_time", String.valueOf(i.beginTime())).put("end_time", String.valueOf(i.endTime()))
          .put("create_time", String.valueOf(i.createTime())).put("update_time", String.valueOf(i.createTime()));
    }
    return o.put("begin_time", i.beginTime()).put("end_time", i.endTime()).put("biz_create_time", i.createTime())
        .put("biz_modify_time", i.createTime());
  }

  /** OfferListInfo of offers list. */
  public static JsonObject offerListItem(HireData d, Offer o) {
    return new JsonObject().put("id", o.id()).put("application_id", o.applicationId())
        .put("job_info", new JsonObject().put("job_id", o.jobId()).put("job_name", d.jobs.get(o.jobId()).title()))
        .put("create_time", o.createTime()).put("offer_status", o.status()).put("offer_type", o.offerType())
        .put("employee_type", new JsonObject().put("id", "1").put("zh_name", "正式").put("en_name", "Regular"));
  }

  /** data.offer of applications/:id/offer (the offers/:id model adds offer_type). */
  public static JsonObject applicationOffer(HireData d, Offer o) {
    JsonObject basic = new JsonObject().put("offer_type", o.offerType()).put("owner_user_id", o.ownerId())
        .put("creator_user_id", o.ownerId()).put("leader_user_id", o.leaderId()).put("onboard_date", o.onboardDate())
        .put("create_time", String.valueOf(o.createTime())).put("probation_month", 3).put("contract_year", 3);
    return new JsonObject().put("id", o.id()).put("application_id", o.applicationId()).put("basic_info", basic)
        .put("offer_status", o.status())
        .put("job_info", new JsonObject().put("job_id", o.jobId()).put("job_name", d.jobs.get(o.jobId()).title()));
  }

  /** OfferInfoV2 of get_detail (with_offer). */
  public static JsonObject offerDetail(HireData d, Offer o) {
    JsonObject basic = new JsonObject().put("id", o.id()).put("offer_type", o.offerType()).put("offer_status", o.status())
        .put("onboard_date", o.onboardDate()).put("create_time", String.valueOf(o.createTime()))
        .put("probation_month", 3);
    if (o.ownerId() != null) {
      basic.put("owner", user(d, o.ownerId()));
    }
    if (o.leaderId() != null) {
      basic.put("leader", user(d, o.leaderId()));
    }
    return new JsonObject().put("offer_basic", basic);
  }

  public static JsonObject note(Note n) {
    return new JsonObject().put("id", n.id()).put("talent_id", n.talentId()).put("application_id", n.applicationId())
        .put("is_private", n.privacy() == 1).put("create_time", n.createTime()).put("modify_time", n.createTime())
        .put("creator_id", n.creatorId()).put("content", n.content()).put("privacy", n.privacy());
  }

  public static JsonObject terminationReason(TerminationReason r) {
    return new JsonObject().put("id", r.id()).put("name", i18n(r.zhName(), r.enName()))
        .put("referral_name", i18n(r.zhName(), r.enName())).put("termination_type", r.type())
        .put("is_used_as_evaluation", false).put("active_status", r.activeStatus());
  }

  public static JsonObject evaluation(Evaluation e) {
    return new JsonObject().put("id", e.id()).put("application_id", e.applicationId()).put("stage_id", e.stageId())
        .put("creator_id", e.evaluatorId()).put("evaluator_id", e.evaluatorId()).put("commit_status", e.commitStatus())
        .put("conclusion", e.conclusion() == 0 ? null : e.conclusion()).put("content", e.content())
        .put("create_time", String.valueOf(e.createTime())).put("update_time", String.valueOf(e.createTime()));
  }

  /** A {@code Test} item of tests/search (SDK 2.5.3 field names; times as ms strings). */
  public static JsonObject writtenTest(WrittenTest t) {
    JsonObject o = new JsonObject().put("test_id", t.id()).put("application_id", t.applicationId())
        .put("talent_id", t.talentId()).put("job_id", t.jobId()).put("test_paper_id", t.paperId())
        .put("test_paper_name", t.paperName()).put("reply_status", t.replyStatus()).put("test_status", t.status())
        .put("test_schedule", new JsonObject().put("start_time", String.valueOf(t.startTime()))
            .put("end_time", String.valueOf(t.endTime())))
        .put("created_at", String.valueOf(t.createdAt()));
    if (t.answered()) {
      o.put("test_complete_time", String.valueOf(t.endTime()));
    }
    if (!t.score().isEmpty()) {
      o.put("score", t.score()).put("score_submit_time", String.valueOf(t.endTime() + 86_400_000L));
    }
    if (t.reviewerId() != null) {
      o.put("reviewer", t.reviewerId());
    }
    return o;
  }

  /** get_detail's {@code EmployeeV2} (times as ms strings). */
  public static JsonObject employeeDetail(Employee e) {
    return new JsonObject().put("id", e.id()).put("application_id", e.applicationId())
        .put("onboard_status", e.onboardStatus()).put("conversion_status", 1)
        .put("onboard_time", String.valueOf(e.onboardTime()));
  }

  /** employees/get_by_application's {@code Employee} (times as ms numbers). */
  public static JsonObject employee(Employee e) {
    return new JsonObject().put("id", e.id()).put("application_id", e.applicationId())
        .put("onboard_status", e.onboardStatus()).put("conversion_status", 1).put("onboard_time", e.onboardTime());
  }
}
