ALTER TABLE "agents" ADD COLUMN "cache_scope" text DEFAULT 'TENANT' NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_runs" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "agent_runs" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "agent_runs" ADD COLUMN "replay" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "agent_runs_idempotency_key" ON "agent_runs" USING btree ("tenant_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "agent_runs_replay_idx" ON "agent_runs" USING btree ("created_at") WHERE replay is not null;