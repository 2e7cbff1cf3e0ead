-- A list's view keeps the notice of the change its click made, with that change's Undo, for the Undo's 10 minutes
-- (the card is re-rendered from it when another application of the job changes): the notice quotes the rejection's
-- note (up to 1,000 characters), which 2,000 no longer holds. VARCHAR without a length is PostgreSQL's unbounded
-- text and H2's longest VARCHAR.
ALTER TABLE sent_cards ALTER COLUMN card_view SET DATA TYPE VARCHAR;
