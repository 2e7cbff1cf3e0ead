-- Interview reminders, feedback nudges and escalations already sent: one row each, so a restart or a second
-- replica never sends one twice.
CREATE TABLE reminders_sent (
  reminder_key VARCHAR(200) PRIMARY KEY,
  sent_at      BIGINT NOT NULL
);
