-- When a release run stamped held_notifications rows as its own (released_by). A replica that died between stamping
-- a chat's rows and sending or giving them back left its stamp for ever, and no run looked at those rows again: the
-- batch was lost. With the time, a run takes a stamp older than any send takes as its own and sends the same batch
-- (HeldNotifications.STALE_RELEASE). Rows stamped before this column have no time: their stamp counts as stale.
ALTER TABLE held_notifications ADD COLUMN released_at BIGINT;
