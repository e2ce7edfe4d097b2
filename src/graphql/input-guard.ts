import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { findUnstorable, MAX_DEPTH, storable, UNSTORABLE } from '../lib/validation.js';
import type { GraphQLContext } from './context.js';

/** A string literal in a document is input too: the one validator's rule applies to it. */
export const storableLiterals: ValidationRule = (context) => ({
  StringValue(node) {
    if (!storable(node.value))
      context.reportError(new GraphQLError(`A string in the document ${UNSTORABLE}.`, { nodes: [node] }));
  },
});

const badVariables = (field: string, why = UNSTORABLE) =>
  new GraphQLError(`${field}: ${why}`, { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });

/** The media type Apollo answers with: its own negotiation, for the two JSON types that matter here. */
function answersGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const q = (type: string) => {
    const entry = accept
      .split(',')
      .map((p) => p.trim().split(';'))
      .find(([t]) => t?.trim() === type);
    if (!entry) return -1;
    const param = entry.slice(1).find((p) => p.trim().startsWith('q='));
    return param ? Number(param.trim().slice(2)) : 1;
  };
  return q('application/graphql-response+json') > q('application/json');
}

/**
 * Every variable of every operation goes through the one string validator before anything runs.
 * Every GraphQL result (data or errors) is `Cache-Control: no-store`. And GraphQL over HTTP: a
 * well-formed request answered as `application/json` is a 200 whatever its GraphQL errors (parse,
 * validation, variable coercion), as the spec recommends; a client that asks for
 * `application/graphql-response+json` gets the 4xx.
 */
export const inputGuardPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const path = findUnstorable(request.variables ?? {}, ['variables']);
        if (path === 'depth') throw badVariables('variables', `must not nest more than ${MAX_DEPTH} levels deep`);
        if (path) throw badVariables(path.slice(1).join('.'));
      },
      async willSendResponse({ request, response }) {
        // Answers are a tenant's own data: no shared cache keeps them.
        response.http.headers.set('cache-control', 'no-store');
        const status = response.http.status;
        if (!status || status < 400 || status >= 500) return;
        if (answersGraphQLResponseJson(request.http?.headers.get('accept'))) return;
        response.http.status = 200;
      },
    };
  },
};
