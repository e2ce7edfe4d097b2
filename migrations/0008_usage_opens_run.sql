ALTER TABLE "usage_events" ADD COLUMN "opens_run" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Rows from before: a call's later lines (ids "<reservation>.<n>") do not open a run.
UPDATE "usage_events" SET "opens_run" = false WHERE position('.' in "id") > 0;
