package io.hirebot.sandbox.hire;

/** One interviewer's record on an interview; conclusion 1 pass, 2 fail, 3 not started, 4 not submitted, 6 pending. */
public record InterviewFeedback(String id, String interviewerId, boolean submitted, int conclusion, String content, Long submitTime) {}
