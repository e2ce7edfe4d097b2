import type { DeliveredResult } from '../agents/index.js';
import { isAppError, type AppError, type ErrorCode } from '../lib/errors.js';
import { microsToUsd } from '../pricing/index.js';

/** An answer the OpenAI clients understand: status, OpenAI's error object, and the headers that steer their retries. */
export type DoorError = { status: number; body: { error: Record<string, unknown> }; headers: Record<string, string> };

/** The official clients retry 408/409/429/5xx by themselves: a refusal a retry cannot fix says so. */
const NO_RETRY = { 'x-should-retry': 'false' };

const FAULTS = {
  UNAUTHENTICATED: { status: 401, type: 'authentication_error', code: 'invalid_api_key' },
  FORBIDDEN: { status: 403, type: 'permission_error', code: 'permission_denied' },
  NOT_FOUND: { status: 404, type: 'not_found_error', code: 'not_found' },
  BAD_USER_INPUT: { status: 400, type: 'invalid_request_error', code: 'invalid_request_error' },
  CONFLICT: { status: 409, type: 'invalid_request_error', code: 'conflict' },
  RATE_LIMITED: { status: 429, type: 'rate_limit_error', code: 'rate_limited' },
  PAYMENT_REQUIRED: { status: 402, type: 'invalid_request_error', code: 'payment_required' },
  SERVICE_UNAVAILABLE: { status: 503, type: 'api_error', code: 'service_unavailable' },
  INTERNAL_SERVER_ERROR: { status: 500, type: 'server_error', code: 'server_error' },
} as const satisfies Record<ErrorCode, { status: number; type: string; code: string }>;

const error = (message: string, type: string, code: string, extra: Record<string, unknown> = {}) => ({
  error: { message, type, param: null as string | null, code, ...extra } as Record<string, unknown>,
});

/** A Governor fault in OpenAI's words. */
export function fromFault(err: AppError, requestId: string): DoorError {
  const fault = FAULTS[err.code];
  const field = typeof err.extensions.field === 'string' ? err.extensions.field : null;
  const retryAfter =
    typeof err.extensions.retryAfterSeconds === 'number' ? String(err.extensions.retryAfterSeconds) : undefined;
  if (err.code === 'CONFLICT' && err.extensions.reason === 'IDEMPOTENCY_IN_FLIGHT') {
    return {
      status: 409,
      body: error(err.message, 'invalid_request_error', 'idempotency_in_flight'),
      headers: { 'retry-after': retryAfter ?? '1' },
    };
  }
  const body = error(
    err.message,
    fault.type,
    err.code === 'CONFLICT' && err.extensions.reason === 'RUN_EXPIRED' ? 'run_expired' : fault.code,
  );
  body.error.param = field;
  if (err.code === 'INTERNAL_SERVER_ERROR') body.error.request_id = requestId;
  const retryable = fault.status >= 500 || err.code === 'RATE_LIMITED';
  return {
    status: fault.status,
    body,
    headers: { ...(retryAfter ? { 'retry-after': retryAfter } : {}), ...(retryable ? {} : NO_RETRY) },
  };
}

/** Anything that is not an AppError: masked, with the request id to find it in the log. */
export function fromUnknown(err: unknown, requestId: string): DoorError {
  if (isAppError(err)) return fromFault(err, requestId);
  return {
    status: 500,
    body: error('The server failed; the request id finds it in the log.', 'server_error', 'server_error', {
      request_id: requestId,
    }),
    headers: {},
  };
}

/** A run that did not complete, in OpenAI's words (undefined for a completed one). */
export function fromOutcome(result: DeliveredResult): DoorError | undefined {
  switch (result.__typename) {
    case 'AgentRunCompleted':
      return undefined;
    case 'BudgetExceeded':
      return {
        status: 429,
        body: error(result.message, 'insufficient_quota', 'budget_exceeded', {
          window: result.window,
          unit: result.unit,
          limit: result.limit,
          used: result.used,
          resets_at: new Date(result.resetsAt).toISOString(),
          upgrade_options: result.upgradeOptions.map((p) => ({
            key: p.key,
            name: p.name,
            monthly_price_usd: microsToUsd(p.monthlyPriceMicros),
          })),
          can_upgrade: result.canUpgrade,
          run_id: result.run.id,
        }),
        headers: NO_RETRY,
      };
    case 'RunLimitExceeded':
      return {
        status: 429,
        body: error(result.message, 'invalid_request_error', 'run_limit_exceeded', {
          kind: result.kind,
          run_id: result.run.id,
        }),
        headers: NO_RETRY,
      };
    case 'ProviderUnavailable':
      return {
        status: 503,
        body: error(result.message, 'api_error', 'provider_unavailable', { run_id: result.run.id }),
        headers: { 'retry-after': String(result.retryAfterSeconds) },
      };
  }
}
