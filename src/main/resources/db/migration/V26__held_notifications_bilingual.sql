-- A held notification keeps what the quiet-hours batch card shows of it: its summary in each language (the batch is
-- bilingual, as the notification itself is), the job it is about (the batch's "Show candidates" button) and when the
-- change happened (each row says when). Rows held before have none of them: their one summary (in the subscription's
-- language) shows in every language, at the time they were held, with no button.
ALTER TABLE held_notifications ADD COLUMN summary_en_us VARCHAR(2000);
ALTER TABLE held_notifications ADD COLUMN summary_zh_cn VARCHAR(2000);
ALTER TABLE held_notifications ADD COLUMN job_id VARCHAR(100);
ALTER TABLE held_notifications ADD COLUMN job_label VARCHAR(300);
ALTER TABLE held_notifications ADD COLUMN changed_at BIGINT;
