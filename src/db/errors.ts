/** Postgres error codes we turn into domain faults. Drizzle wraps driver errors in `cause`. */
function pgCode(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function constraintOf(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const c = (cur as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function uniqueViolation(e: unknown): { constraint: string | undefined } | undefined {
  return pgCode(e) === '23505' ? { constraint: constraintOf(e) } : undefined;
}
/** The row itself is at fault (bad data, a broken constraint): retrying it cannot help. */
export const isRowFault = (e: unknown) => /^2[23]/.test(pgCode(e) ?? '');
