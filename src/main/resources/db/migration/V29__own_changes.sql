-- A change the bot wrote to Hire for someone's click, one row each: a stage move (kind 'move'), a rejection
-- ('reject') or its Undo ('restore'). One table for what chat_moves (V27) and stage_moves (V28) kept apart:
-- who made it (Hire's history names no one), the chats whose cards answered it (Hire's event for a move is not
-- notified back to them) and, matched to that event, its key (a retried event finds the same row).
-- origin_entered_at: when the application had entered the stage it left (or, for a rejection, the stage it is in), as
-- Hire said before the change; a move back into that stage overwrites it in Hire. by_undo: the change undid the one
-- before (a move back; every restore). made: Hire made it (a move is noted before its write, so that its event,
-- which may come first, finds it). reason_*: a rejection's reason as Hire named it then. Kept as long as the audit log.
CREATE TABLE own_changes (
  change_id         VARCHAR(40) NOT NULL PRIMARY KEY,
  application_id    VARCHAR(64) NOT NULL,
  kind              VARCHAR(10) NOT NULL,
  made_at           BIGINT NOT NULL,
  actor             VARCHAR(100) NOT NULL,
  origin_stage_id   VARCHAR(64) NOT NULL,
  origin_entered_at BIGINT,
  target_stage_id   VARCHAR(64) NOT NULL,
  by_undo           BOOLEAN NOT NULL,
  made              BOOLEAN NOT NULL,
  chats             VARCHAR(1000) NOT NULL,
  event_key         VARCHAR(200),
  reason_id         VARCHAR(64),
  reason_en         VARCHAR(200),
  reason_zh         VARCHAR(200)
);
CREATE INDEX own_changes_by_application ON own_changes (application_id);

-- Every move stage_moves kept (Hire had made it), with the chats chat_moves noted for it: the same application and
-- stages, noted within 5 s of it (both were stamped as the click's write began), the nearest such move; a move is
-- answered in two chats at most (the clicked card's, and the group's a form opened apart from it lands on). A noted
-- move stage_moves lacks was never made, or is being written while this runs: it has no one to name, and is left out.
ALTER TABLE own_changes ADD COLUMN noted_move VARCHAR(64);
INSERT INTO own_changes (change_id, application_id, kind, made_at, actor, origin_stage_id, origin_entered_at,
    target_stage_id, by_undo, made, chats, noted_move)
SELECT 'stage_moves:' || CAST(m.id AS VARCHAR(20)), m.application_id, 'move', m.moved_at, m.actor, m.origin_stage_id,
    m.origin_entered_at, m.target_stage_id, m.by_undo, TRUE, '',
    (SELECT n.move_id FROM chat_moves n WHERE n.application_id = m.application_id
        AND n.origin_stage_id = m.origin_stage_id AND n.target_stage_id = m.target_stage_id
        AND n.made_at BETWEEN m.moved_at - 5000 AND m.moved_at + 5000
      ORDER BY ABS(n.made_at - m.moved_at), n.move_id FETCH FIRST 1 ROWS ONLY)
FROM stage_moves m;
UPDATE own_changes SET
    chats = COALESCE((SELECT CASE WHEN MIN(c.chat_id) = MAX(c.chat_id) THEN MIN(c.chat_id)
        ELSE MIN(c.chat_id) || ' ' || MAX(c.chat_id) END FROM chat_moves c WHERE c.move_id = own_changes.noted_move), ''),
    event_key = (SELECT MAX(c.event_key) FROM chat_moves c WHERE c.move_id = own_changes.noted_move)
  WHERE noted_move IS NOT NULL;
ALTER TABLE own_changes DROP COLUMN noted_move;

DROP TABLE chat_moves;
DROP TABLE stage_moves;
