-- Feishu's rate limits are per app: replicas on one PostgreSQL take their permits from one token bucket per
-- limit here (tokens left, refilled by the database clock in microseconds; taken = the last request got one).
-- H2 (one replica) keeps its buckets in memory and never writes this table. Rows are a handful, never purged.
CREATE TABLE rate_budgets (
  budget_key  VARCHAR(100) PRIMARY KEY,
  tokens      DOUBLE PRECISION NOT NULL,
  refilled_us BIGINT NOT NULL,
  taken       BOOLEAN NOT NULL
);

-- Applications the new-application poll has seen, per poll cursor (poll_cursors keeps only the watermark time).
-- A row is claimed by inserting it, so of two replicas polling at once one notifies; rows of applications
-- that left the job's active list are deleted by the poll itself, so the table holds about the active ones.
CREATE TABLE poll_seen_ids (
  cursor_key VARCHAR(200) NOT NULL,
  item_id    VARCHAR(64) NOT NULL,
  seen_at    BIGINT NOT NULL,
  PRIMARY KEY (cursor_key, item_id)
);
