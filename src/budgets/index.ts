export { decideLadder, costMicros, DEFAULT_OUTPUT_FLOOR, type LadderDecision, type LadderModel, type Remaining } from './ladder.js';
export { LedgerWriter, ledgerTotal } from './ledger.js';
export type { LedgerEntry, LedgerEvent, RunRecord } from './ledger-entry.js';
export { MemoryBudgetStore } from './memory-store.js';
export { RedisBudgetStore } from './redis-store.js';
export {
  countRequest, extendReservation, readWindows, releaseReservation, reserveBudget,
  type BudgetDeps, type BudgetFailMode, type CacheHit, type Denial, type Reservation,
} from './service.js';
export { recordEntry, settleReservation, trueUp, type Usage } from './settle.js';
export type { BudgetStore } from './store.js';
export { budgetStatusFor, getBudgetStatus, setUserBudget, type BudgetStatusView } from './verbs.js';
export { budgetWindows, userLimits, utcDay, utcMonth, WINDOW_KINDS, type BudgetWindow, type WindowKind } from './windows.js';
