export {
  decodeEntry,
  encodeEntry,
  opensRun,
  tenantOf,
  type AlertDraft,
  type LedgerEntry,
  type UsageEvent,
} from './entry.js';
export { alertInsert, ledgerStreamKey, Outbox, type StreamEntry } from './outbox.js';
export { mergeCalls } from './run-merge.js';
export { matchesRunFilter, runFilterSql, type RunFilter } from './run-filter.js';
export { ledgerTotal, ledgerTotalsByUser, type LedgerWindow } from './totals.js';
