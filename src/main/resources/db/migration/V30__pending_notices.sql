-- A notice the bot owes a chat that follows a job, of a change Hire fires no event for (a rejection made through the
-- bot, or its Undo), so that no retried event will send it again: one row per chat, written before the first send and
-- deleted once the chat has it, once the chat no longer follows the job or the bot is out of it, or after the last
-- attempt. The change's columns are own_changes' (V29); job and talent as the card names them. next_at: when it is
-- due; a send in flight holds it a lease ahead, and a replica takes a due row by moving next_at (a conditional update),
-- so two replicas never send it at once. attempts: the sends started. A table of its own, which releases before this
-- one never read: during a rolling upgrade they notify once, as before.
CREATE TABLE pending_notices (
  notice_key        VARCHAR(200) NOT NULL,
  chat_id           VARCHAR(100) NOT NULL,
  kind              VARCHAR(10) NOT NULL,
  application_id    VARCHAR(64) NOT NULL,
  made_at           BIGINT NOT NULL,
  actor             VARCHAR(100) NOT NULL,
  origin_stage_id   VARCHAR(64) NOT NULL,
  origin_entered_at BIGINT,
  target_stage_id   VARCHAR(64) NOT NULL,
  by_undo           BOOLEAN NOT NULL,
  reason_id         VARCHAR(64),
  reason_en         VARCHAR(200),
  reason_zh         VARCHAR(200),
  job_id            VARCHAR(64) NOT NULL,
  talent_id         VARCHAR(64) NOT NULL,
  talent_name       VARCHAR(200) NOT NULL,
  attempts          INT NOT NULL,
  next_at           BIGINT NOT NULL,
  PRIMARY KEY (notice_key, chat_id)
);
CREATE INDEX pending_notices_by_due ON pending_notices (next_at);
