CREATE TABLE "routing_adjustments" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"from_adjustment" double precision NOT NULL,
	"to_adjustment" double precision NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_ratings" (
	"tenant_id" text NOT NULL,
	"run_id" text NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"rated_by" text,
	"agent_id" text NOT NULL,
	"user_id" text,
	"model_id" text,
	"tier" text,
	"routed_cheap" boolean DEFAULT false NOT NULL,
	"taught" boolean DEFAULT false NOT NULL,
	"run_created_at" timestamp with time zone NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_ratings_tenant_id_run_id_pk" PRIMARY KEY("tenant_id","run_id")
);
--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "routing_threshold" double precision;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "strong_share_target" double precision;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "adaptive_routing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "routing_adjustment" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "routing_adjusted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "routing_adjustments" ADD CONSTRAINT "routing_adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_ratings" ADD CONSTRAINT "run_ratings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_adjustments_agent_idx" ON "routing_adjustments" USING btree ("tenant_id","agent_id","created_at");--> statement-breakpoint
CREATE INDEX "run_ratings_tenant_created_idx" ON "run_ratings" USING btree ("tenant_id","run_created_at");--> statement-breakpoint
-- Ratings and adaptive changes are written and read under the tenant's own row-level security.
GRANT SELECT, INSERT, UPDATE ON run_ratings TO governor_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON routing_adjustments TO governor_app;
--> statement-breakpoint
ALTER TABLE run_ratings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE run_ratings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON run_ratings
  USING (tenant_id = current_setting('governor.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('governor.tenant_id', true));
--> statement-breakpoint
ALTER TABLE routing_adjustments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE routing_adjustments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON routing_adjustments
  USING (tenant_id = current_setting('governor.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('governor.tenant_id', true));
