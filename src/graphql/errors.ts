import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, isAppError, type ErrorCode } from '../lib/errors.js';
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

/**
 * Logs unknown errors with the request id and puts that id on the masked error the client sees;
 * names the operation and its error codes on the request's log line.
 */
export const errorReportingPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, operation, contextValue }) {
        if (!operation) return;
        const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
        contextValue.logFields.operation = operationName ?? fields.join(',');
        contextValue.logFields.operationType = operation.operation;
      },
      async didEncounterErrors({ errors, contextValue }) {
        for (const err of errors) {
          if (!codeOf(err))
            contextValue.log.error({ err: unwrapResolverError(err), path: err.path }, 'unexpected error');
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        if (codes.length) contextValue.logFields.errorCodes = [...new Set(codes)];
        for (const err of response.body.singleResult.errors ?? []) {
          if (err.extensions?.code === 'INTERNAL_SERVER_ERROR') {
            (err.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};
