import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { refuseWebhookUrl } from '../monitoring/webhook-target.js';
import { insertAgent, prepareAgent } from '../agents/index.js';
import { insertApiKey, type CreatedApiKey } from '../auth/api-keys.js';
import { inTenant, requireRole, type OperatorContext, type TenantContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { uniqueViolation } from '../db/errors.js';
import { scoped } from '../db/scoped.js';
import { tenants, type TenantRow, type UserRow } from '../db/schema/index.js';
import { AppError, badInput, conflict, notFound, unauthenticated } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { DEFAULT_PLAN_KEY } from '../plans/catalog.js';
import { insertUser } from '../users/index.js';
import { emailSchema, nameSchema, optional, parseInput, slugify, slugSchema } from '../lib/validation.js';

export type CreatedTenant = { tenant: TenantRow; owner: UserRow } & CreatedApiKey;

const CreateTenantInput = z.object({
  name: nameSchema,
  ownerEmail: emailSchema,
  ownerName: optional(nameSchema),
  slug: optional(slugSchema),
});

/** Sign-up: the tenant, its OWNER, the owner's key (secret shown once) and the `assistant` agent. */
export async function createTenant({ ctx, input }: { ctx: OperatorContext; input: unknown }): Promise<CreatedTenant> {
  if (!ctx.deps.config.signupOpen && !ctx.operator) {
    throw unauthenticated('Sign-up is closed: creating a tenant needs the operator token.');
  }
  // Only a well-formed attempt counts against its address: malformed ones cannot block anybody.
  const data = parseInput(CreateTenantInput, input);
  if (!ctx.operator) {
    const gate = ctx.deps.signupLimiter.hit(ctx.clientIp ?? 'unknown');
    if (gate.kind === 'limited') {
      throw new AppError('RATE_LIMITED', `Too many sign-ups from this address; retry in ${gate.retryAfterSeconds} s.`, {
        retryAfterSeconds: gate.retryAfterSeconds,
      });
    }
  }
  const plan = await ctx.deps.plans.byKey(DEFAULT_PLAN_KEY);
  if (!plan) throw new AppError('SERVICE_UNAVAILABLE', 'The plan catalog is not seeded.');
  const assistant = await prepareAgent(ctx.deps, {
    name: 'Assistant',
    slug: 'assistant',
    instructions: 'You are a helpful assistant. Answer concisely and accurately.',
    tools: ['calculator', 'current_time'],
  });
  const tenantId = newId('tenant');
  return scoped(ctx.deps.db, tenantId, async (tx) => {
    const tenant = await insertTenant(tx, { id: tenantId, name: data.name, planId: plan.id }, data.slug);
    const owner = await insertUser(tx, tenantId, { email: data.ownerEmail, name: data.ownerName, role: 'OWNER' });
    const key = await insertApiKey(tx, {
      tenantId,
      userId: owner.id,
      kind: 'USER',
      name: 'Owner key',
      createdBy: null,
    });
    await insertAgent(tx, tenantId, assistant);
    return { tenant, owner, ...key };
  });
}

/** A requested slug that is taken is a CONFLICT; a derived one gets a random suffix instead. */
async function insertTenant(
  tx: Tx,
  row: { id: string; name: string; planId: string },
  requestedSlug?: string,
): Promise<TenantRow> {
  const base = requestedSlug ?? slugify(row.name);
  const candidates = requestedSlug ? [base] : [base, `${base}-${randomBytes(3).toString('hex')}`];
  for (const slug of candidates) {
    try {
      // A savepoint, so a taken slug does not abort the sign-up transaction.
      const [tenant] = await tx.transaction((sp) =>
        sp
          .insert(tenants)
          .values({ ...row, slug })
          .returning(),
      );
      return tenant!;
    } catch (e) {
      if (!uniqueViolation(e)) throw e;
    }
  }
  throw conflict(`The slug "${base}" is taken.`);
}

export async function getTenant({ ctx }: { ctx: TenantContext }): Promise<TenantRow> {
  return findTenant(ctx.deps.db, ctx.actor.tenantId);
}

/** For paths that already hold a tenant id they may use (a parent row, a reservation). */
export async function findTenant(db: Db, tenantId: string): Promise<TenantRow> {
  const [row] = await scoped(db, tenantId, (tx) => tx.select().from(tenants).where(eq(tenants.id, tenantId)));
  if (!row) throw notFound('Tenant');
  return row;
}

const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), 'must be an https URL, or empty to remove it')
  .refine((u) => u === '' || URL.canParse(u), 'must be a valid URL');

const UpdateTenantInput = z.object({
  name: optional(nameSchema),
  alertWebhookUrl: optional(webhookUrl),
  alertThresholds: optional(
    z.object({
      dailySpendMultiplier: optional(z.number().gt(1, 'must be above 1').max(100)),
      userBudgetSharePercent: optional(z.number().gt(0, 'must be above 0').max(100, 'must be at most 100')),
      runCostUsd: optional(z.number().gt(0, 'must be above 0').max(100_000)),
    }),
  ),
});

export async function updateTenant({ ctx, input }: { ctx: TenantContext; input: unknown }): Promise<TenantRow> {
  requireRole(ctx.actor, 'ADMIN');
  const data = parseInput(UpdateTenantInput, input);
  if (Object.values(data).every((v) => v === undefined)) throw badInput('Nothing to update.');
  const refused = data.alertWebhookUrl && refuseWebhookUrl(data.alertWebhookUrl, ctx.deps.config.env === 'production');
  if (refused) throw badInput(`alertWebhookUrl: ${refused}`, 'alertWebhookUrl');
  const thresholds = data.alertThresholds
    ? Object.fromEntries(Object.entries(data.alertThresholds).filter(([, v]) => v !== undefined))
    : undefined;
  const [row] = await inTenant(ctx, (tx) =>
    tx
      .update(tenants)
      .set({
        name: data.name,
        alertWebhookUrl: data.alertWebhookUrl === undefined ? undefined : data.alertWebhookUrl || null,
        alertThresholds: thresholds
          ? sql`${tenants.alertThresholds} || ${JSON.stringify(thresholds)}::jsonb`
          : undefined,
        updatedAt: sql`now()`,
      })
      .where(eq(tenants.id, ctx.actor.tenantId))
      .returning(),
  );
  if (!row) throw notFound('Tenant');
  await ctx.deps.lookups.invalidate({ kind: 'tenant', tenantId: row.id });
  return row;
}
