-- Row-level security: request paths run as governor_app (no SUPERUSER, no BYPASSRLS) with the
-- tenant set per transaction in governor.tenant_id; an unset or empty setting matches no row.
DO $$ BEGIN
  CREATE ROLE governor_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT governor_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation OR invalid_grant_operation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO governor_app;
--> statement-breakpoint
GRANT SELECT ON plans, models TO governor_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenants, users, api_keys, agents, alerts TO governor_app;
--> statement-breakpoint
-- The ledger and the run records are append-only for request paths.
GRANT SELECT, INSERT ON agent_runs, usage_events TO governor_app;
--> statement-breakpoint
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants
  USING (id = current_setting('governor.tenant_id', true))
  WITH CHECK (id = current_setting('governor.tenant_id', true));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'api_keys', 'agents', 'agent_runs', 'usage_events', 'alerts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''governor.tenant_id'', true)) '
      'WITH CHECK (tenant_id = current_setting(''governor.tenant_id'', true))', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Authentication happens before the tenant is known: this definer function is the request role's
-- only way to read api_keys across tenants, and it answers by the key's visible prefix alone.
CREATE FUNCTION governor_find_api_keys(p_prefix text)
RETURNS TABLE (
  key_id text, tenant_id text, user_id text, kind text, secret_hash text, revoked_at timestamptz,
  user_role text, user_status text, billing_status text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
  SELECT k.id, k.tenant_id, k.user_id, k.kind, k.secret_hash, k.revoked_at, u.role, u.status, t.billing_status
  FROM api_keys k
  JOIN tenants t ON t.id = k.tenant_id
  LEFT JOIN users u ON u.tenant_id = k.tenant_id AND u.id = k.user_id
  WHERE k.prefix = p_prefix
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION governor_find_api_keys(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION governor_find_api_keys(text) TO governor_app;
