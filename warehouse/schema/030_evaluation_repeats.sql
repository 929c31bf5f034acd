-- The house's protocol on each evaluation: how many times it runs every model on it. A variant's house
-- score counts its first that-many repeats, and none until it has them all, so that a published index
-- version never changes its numbers when later runs arrive (docs/methodology.md, "Scores").

ALTER TABLE evaluations ADD COLUMN repeats INTEGER;
COMMENT ON COLUMN evaluations.repeats IS 'Repeats the house runs of every model on it (its protocol): a house score counts the first this many, and none before it has them; NULL: every repeat, from the first.';
