import { randomBytes } from 'node:crypto';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, requireRole, type TenantContext } from '../context.js';
import { agentRuns, alerts, tenants, type AlertRow, type AlertStatus } from '../db/schema/index.js';
import { toRunRecord, type RunRecord } from '../agents/index.js';
import { alertInsert } from '../ledger/index.js';
import { badInput, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { parsePage, toConnection, type Connection } from '../lib/pagination.js';
import { idSchema, optional, parseInput } from '../lib/validation.js';

const ListAlertsInput = z.object({ status: optional(z.enum(['OPEN', 'ACKNOWLEDGED'])) });
const AcknowledgeInput = z.object({ id: idSchema });

/** ADMIN+: the tenant's alerts, newest first. */
export async function listAlerts({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { first?: number | null; after?: string | null; status?: AlertStatus | null };
}): Promise<Connection<AlertRow>> {
  requireRole(ctx.actor, 'ADMIN');
  const page = parsePage(input);
  const { status } = parseInput(ListAlertsInput, { status: input.status });
  const tenantId = ctx.actor.tenantId;
  const rows = await inTenant(ctx, (tx) =>
    tx
      .select()
      .from(alerts)
      .where(
        and(
          eq(alerts.tenantId, tenantId),
          status ? eq(alerts.status, status) : undefined,
          page.afterId ? lt(alerts.id, page.afterId) : undefined,
        ),
      )
      .orderBy(desc(alerts.id))
      .limit(page.first + 1),
  );
  return toConnection(rows, page);
}

/** ADMIN+: marks an alert seen (again: no change). */
export async function acknowledgeAlert({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<AlertRow> {
  requireRole(ctx.actor, 'ADMIN');
  const { id } = parseInput(AcknowledgeInput, input);
  const [row] = await inTenant(ctx, async (tx) => {
    await tx
      .update(alerts)
      .set({ status: 'ACKNOWLEDGED', acknowledgedAt: sql`coalesce(${alerts.acknowledgedAt}, now())` })
      .where(and(eq(alerts.id, id), eq(alerts.tenantId, ctx.actor.tenantId)));
    return tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.id, id), eq(alerts.tenantId, ctx.actor.tenantId)));
  });
  if (!row) throw notFound('Alert');
  return row;
}

/**
 * ADMIN+: a new signing secret for the tenant's webhook, returned this once (Governor keeps it
 * encrypted). Deliveries from now on are signed with it.
 */
export async function rotateAlertSigningSecret({ ctx }: { ctx: TenantContext }) {
  requireRole(ctx.actor, 'ADMIN');
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const [row] = await inTenant(ctx, (tx) =>
    tx
      .update(tenants)
      .set({
        alertSigningSecret: ctx.deps.secrets.seal(secret),
        alertSigningSecretCreatedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(tenants.id, ctx.actor.tenantId))
      .returning({ createdAt: tenants.alertSigningSecretCreatedAt }),
  );
  if (!row) throw notFound('Tenant');
  await ctx.deps.lookups.invalidate({ kind: 'tenant', tenantId: ctx.actor.tenantId });
  ctx.log.info({ tenantId: ctx.actor.tenantId }, 'alert signing secret rotated');
  return { secret, createdAt: row.createdAt! };
}

/**
 * ADMIN+: raises a TEST alert (outside the once-per-period rule) and attempts its delivery now;
 * answers the alert as it stands after that attempt (a failure is retried like any other).
 */
export async function testAlertWebhook({ ctx }: { ctx: TenantContext }): Promise<AlertRow> {
  requireRole(ctx.actor, 'ADMIN');
  const tenantId = ctx.actor.tenantId;
  const tenant = await inTenant(
    ctx,
    async (tx) => (await tx.select().from(tenants).where(eq(tenants.id, tenantId)))[0],
  );
  if (!tenant) throw notFound('Tenant');
  if (!tenant.alertWebhookUrl) throw badInput('Set alertWebhookUrl (updateTenant) first.');
  if (!tenant.alertSigningSecret) throw badInput('Make a signing secret (rotateAlertSigningSecret) first.');
  const now = ctx.deps.clock.now();
  const id = newId('alert', now.getTime());
  await ctx.deps.db.execute(
    sql`${alertInsert([
      {
        id,
        tenantId,
        kind: 'TEST',
        subjectUserId: ctx.actor.userId,
        periodKey: `test:${id}`,
        value: 0,
        threshold: 0,
        message: 'A test alert from Governor: the webhook is reached and its signature verifies.',
        createdAt: now.toISOString(),
        runId: null,
        // Held back from the poller, so that this request makes the first attempt and answers
        // with its outcome (if this process dies first, the poller sends it a minute later).
        heldMs: 60_000,
      },
    ])}`,
  );
  ctx.deps.metrics.alertsRaised.inc({ kind: 'TEST' });
  await ctx.deps.alertDelivery.deliverDue(id);
  const [row] = await inTenant(ctx, (tx) => tx.select().from(alerts).where(eq(alerts.id, id)));
  return row!;
}

/** RUN_COST: the run it names, once Postgres has it. */
export async function alertRun(ctx: TenantContext, alert: AlertRow): Promise<RunRecord | null> {
  const runId = alert.runId;
  if (!runId) return null;
  const [row] = await inTenant(ctx, (tx) => tx.select().from(agentRuns).where(eq(agentRuns.id, runId)));
  return row ? toRunRecord(row) : null;
}
