ALTER TABLE "agent_runs" ADD COLUMN "calls" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_runs" ADD COLUMN "end_user" text;