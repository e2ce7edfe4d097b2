CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"api_key_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_tenant_idx" ON "sessions" USING btree ("tenant_id","id");--> statement-breakpoint
-- Sessions are started and ended under the tenant's own row-level security.
GRANT SELECT, INSERT, DELETE ON sessions TO governor_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON sessions TO governor_app;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON sessions
  USING (tenant_id = current_setting('governor.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('governor.tenant_id', true));
--> statement-breakpoint
-- Authentication runs before the tenant is known: it finds a session by its token's hash, with
-- the key and user it acts for, like governor_find_api_keys (and only this, as the owner).
CREATE FUNCTION governor_find_session(p_hash text, p_now timestamptz)
RETURNS TABLE (
  session_id text, key_id text, tenant_id text, user_id text, kind text, revoked_at timestamptz,
  user_role text, user_status text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT s.id, k.id, k.tenant_id, k.user_id, k.kind, k.revoked_at, u.role, u.status
  FROM sessions s
  JOIN api_keys k ON k.id = s.api_key_id AND k.tenant_id = s.tenant_id
  LEFT JOIN users u ON u.tenant_id = k.tenant_id AND u.id = k.user_id
  WHERE s.token_hash = p_hash AND s.revoked_at IS NULL AND s.expires_at > p_now
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION governor_find_session(text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION governor_find_session(text, timestamptz) TO governor_app;
