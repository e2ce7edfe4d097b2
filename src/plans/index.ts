export { DEFAULT_PLAN_KEY, DEFAULT_RUN_LIMITS, SEED_PLANS } from './catalog.js';
export { createPlanCatalog, type PlanCatalog } from './plan-catalog.js';
export { seedPlans } from './seed.js';
