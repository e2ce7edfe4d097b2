import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { PublicContext } from '../context.js';
import { tenants } from '../db/schema/index.js';
import { createTenant } from './commands.js';

/**
 * Embedded mode, very first start: a demo tenant whose owner key is printed once and saved to
 * `<DATA_DIR>/demo-key` (the database holds only its hash).
 */
export async function ensureDemoTenant(ctx: PublicContext): Promise<{ secret: string; file: string } | undefined> {
  const file = join(ctx.deps.config.dataDir, 'demo-key');
  if (existsSync(file)) return undefined;
  // Tenants are read here as the migration role: this runs at boot, outside any request.
  const [existing] = await ctx.deps.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'demo'));
  if (existing) return undefined;
  const created = await createTenant({
    ctx: { ...ctx, operator: true },
    input: { name: 'Demo', slug: 'demo', ownerEmail: 'owner@demo.example', ownerName: 'Demo Owner' },
  });
  mkdirSync(ctx.deps.config.dataDir, { recursive: true });
  writeFileSync(file, `${created.secret}\n`, { mode: 0o600 });
  return { secret: created.secret, file };
}
