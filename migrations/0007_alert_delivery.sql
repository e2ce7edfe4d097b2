ALTER TABLE "tenants" ADD COLUMN "alert_signing_secret" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "alert_signing_secret_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "run_id" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "delivery_status" text DEFAULT 'NONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "delivery_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "next_delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "delivery_error" text;--> statement-breakpoint
CREATE INDEX "alerts_delivery_due_idx" ON "alerts" USING btree ("next_delivery_at") WHERE delivery_status = 'PENDING';