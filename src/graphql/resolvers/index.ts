import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { agentResolvers } from './agents.js';
import { authResolvers } from './auth.js';
import { billingResolvers } from './billing.js';
import { budgetResolvers } from './budgets.js';
import { catalogResolvers } from './catalog.js';
import { monitoringResolvers } from './monitoring.js';
import { runResolvers } from './runs.js';
import { tenantResolvers } from './tenants.js';
import { userResolvers } from './users.js';

const domains: Resolvers[] = [
  tenantResolvers,
  userResolvers,
  authResolvers,
  catalogResolvers,
  agentResolvers,
  budgetResolvers,
  runResolvers,
  billingResolvers,
  monitoringResolvers,
];

/** Merges each domain's resolvers type by type. */
export function buildResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const domain of domains) {
    for (const [type, fields] of Object.entries(domain)) merged[type] = { ...merged[type], ...fields };
  }
  return { ...(merged as Resolvers), DateTime: DateTimeResolver, SafeInt: SafeIntResolver };
}
