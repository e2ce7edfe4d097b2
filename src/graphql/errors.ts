import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { ERROR_CODES, isAppError, type ErrorCode } from '../lib/errors.js';
import type { LogFields } from '../lib/logger.js';
import type { GraphQLContext } from './context.js';

const KNOWN = new Set<string>(ERROR_CODES);
// Apollo's and graphql-js's own request faults: all of them are the caller's input.
const REQUEST_FAULTS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function codeOf(error: unknown): ErrorCode | undefined {
  const original = unwrapResolverError(error);
  if (isAppError(original)) return original.code;
  const code = (error as GraphQLError).extensions?.code;
  if (typeof code === 'string' && KNOWN.has(code) && code !== 'INTERNAL_SERVER_ERROR') return code as ErrorCode;
  if (typeof code === 'string' && REQUEST_FAULTS.has(code)) return 'BAD_USER_INPUT';
  // graphql-js errors raised before execution (validation rules, e.g. query limits) carry no original error.
  if (error instanceof GraphQLError && !error.originalError && !error.path) return 'BAD_USER_INPUT';
  return undefined;
}

/** The one place where faults become codes. Anything unknown is masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // graphql-js suggests field names on a typo: that would tell the schema to whoever guesses.
  formatted = {
    ...formatted,
    // Every form graphql-js suggests in ("…", an inline fragment, an enum value), and graphql-armor's own mask.
    message: formatted.message
      .replace(/Did you mean [^?]*\?/g, '[Suggestion hidden]')
      .replace(/\[Suggestion hidden\]\?/g, '[Suggestion hidden]')
      .trim(),
  };
  const code = codeOf(error);
  if (!code) {
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const original = unwrapResolverError(error);
  // An AppError's own extensions; of a GraphQLError's, only the field it names.
  const field = formatted.extensions?.field;
  const extra = isAppError(original) ? original.extensions : typeof field === 'string' ? { field } : {};
  return { ...formatted, extensions: { ...extra, code } };
}

/** An operation on the request's log line: its name (or its root fields) and its type. */
export function describeOperation(operation: OperationDefinitionNode, operationName?: string | null): LogFields {
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
  return { operation: operationName ?? operation.name?.value ?? fields.join(','), operationType: operation.operation };
}

type Reporting = Pick<GraphQLContext, 'log' | 'logFields' | 'requestId'>;

/** Logs an error no code accounts for (it is masked for the client). */
function logUnknown(ctx: Reporting, errors: readonly GraphQLError[]): void {
  for (const err of errors) {
    if (!codeOf(err)) ctx.log.error({ err: unwrapResolverError(err), path: err.path }, 'unexpected error');
  }
}

/** Names the codes on the request's log line and the request id on masked errors. */
function noteCodes(ctx: Reporting, errors: readonly GraphQLFormattedError[]): void {
  const codes = errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
  if (codes.length)
    ctx.logFields.errorCodes = [...new Set([...((ctx.logFields.errorCodes as string[]) ?? []), ...codes])];
  for (const err of errors) {
    if (err.extensions?.code === 'INTERNAL_SERVER_ERROR')
      (err.extensions as Record<string, unknown>).requestId = ctx.requestId;
  }
}

/** For a door that formats its own results (the stream door): what the plugin below does for /graphql. */
export function reportErrors(ctx: Reporting, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  logUnknown(ctx, errors);
  const formatted = errors.map((e) => formatError(e.toJSON(), e));
  noteCodes(ctx, formatted);
  return formatted;
}

/**
 * Logs unknown errors with the request id and puts that id on the masked error the client sees;
 * names the operation and its error codes on the request's log line.
 */
export const errorReportingPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, operation, contextValue }) {
        if (operation) Object.assign(contextValue.logFields, describeOperation(operation, operationName));
      },
      async didEncounterErrors({ errors, contextValue }) {
        logUnknown(contextValue, errors);
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === 'single') noteCodes(contextValue, response.body.singleResult.errors ?? []);
      },
    };
  },
};
