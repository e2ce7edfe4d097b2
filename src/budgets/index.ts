export { claimIdempotencyKey, claimKey, releaseIdempotencyKey, REPLAY_SECONDS } from './claims.js';
export { gateRun, type CacheProbe, type Gate } from './gate.js';
export { decideLadder, degradationsOf, DEFAULT_OUTPUT_FLOOR, DEGRADATIONS } from './ladder.js';
export type { Degradation, LadderDecision, LadderModel, Remaining } from './ladder.js';
export { MemoryBudgetStore } from './memory-store.js';
export { rateLimited, rateSpec, type RateLimit } from './rate-limit.js';
export { RedisBudgetStore } from './redis-store.js';
export {
  extendReservation,
  readWindows,
  releaseReservation,
  reserveBudget,
  type BudgetDeps,
  type BudgetFailMode,
  type Denial,
  type HoldAsk,
  type Reservation,
} from './service.js';
export { recordEntry, settleReservation, trueUp, usageEvents, type UsageLine, type UsageOwner } from './settle.js';
export type { BudgetStore, ClaimRecord, ClaimWrite, SpanCharge, SpanRequest, SpanState, SpanStop } from './store.js';
export {
  budgetStatusFor,
  getBudgetStatus,
  setUserBudget,
  usersClosestToLimit,
  type BudgetStatusView,
} from './verbs.js';
export {
  budgetWindows,
  userLimits,
  utcDay,
  utcMonth,
  WINDOW_KINDS,
  type BudgetWindow,
  type WindowKind,
} from './windows.js';
export { recoverLapsed, recoverOwner, startRecovery, type RecoveryDeps } from './recovery.js';
