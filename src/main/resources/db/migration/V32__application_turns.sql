-- Whose turn it is to write on an application (ApplicationTurns, JdbcSharedTurns): a replica inserts the row before
-- it reads the application, checks the clicked card is still current and writes to Hire, and deletes it when that
-- write has ended, so two replicas that each get a different click on one row (Advance and Reject) write one after
-- the other and the second finds the row changed. holder: the write's own random id (only it deletes the row).
-- expires_at: epoch milliseconds by the database's clock, past which the row no longer holds (its replica died
-- mid-write); another replica takes it over by a conditional update.
CREATE TABLE application_turns (
  application_id VARCHAR(200) NOT NULL PRIMARY KEY,
  holder         VARCHAR(40) NOT NULL,
  expires_at     BIGINT NOT NULL
);
