-- Which job (and talent) each application the bot has seen belongs to: hire.application.deleted_v1 carries only
-- ids, and the application can no longer be read from Hire, so a deletion notice needs this to name the job.
CREATE TABLE application_jobs (
  application_id VARCHAR(64) PRIMARY KEY,
  job_id         VARCHAR(64) NOT NULL,
  talent_id      VARCHAR(64) NOT NULL,
  talent_name    VARCHAR(200) NOT NULL,
  seen_at        BIGINT NOT NULL
);
