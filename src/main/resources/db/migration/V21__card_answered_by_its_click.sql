-- A card whose own click changed an application (Advance, Move, Reject, Undo, a typed change's Confirm) is answered
-- with that change, a notice and an Undo: the Hire event the change fires must not re-render it and drop them.
ALTER TABLE sent_cards ADD COLUMN answered_application VARCHAR(64);
ALTER TABLE sent_cards ADD COLUMN answered_until BIGINT;
