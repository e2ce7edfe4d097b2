import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Deps } from '../context.js';
import type { LogFields } from '../lib/logger.js';
import { Lru } from '../lib/memo.js';
import { requestContext, type GraphQLContext } from './context.js';
import { describeOperation, reportErrors } from './errors.js';

/** `logged`: what the request's log line says of the operation, as Apollo's plugin puts it. */
type Known = { document: DocumentNode; logged: LogFields };
type Body = { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };

/** Documents kept (each a parsed AST), and the longest kept: comments can make a short one long. */
const KEPT = 500;
const MAX_QUERY_CHARS = 20_000;
const JSON_TYPE = 'application/json; charset=utf-8';
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * POST /graphql of a document Apollo has validated here before, run straight with graphql-js (a
 * tenth of a cache hit's CPU was Apollo's pipeline); the JSON parser has checked its variables with
 * the whole body. Anything else goes to Apollo: GET, extensions, another Accept, uncoerced variables.
 */
export class KnownOperations {
  private readonly known = new Lru<string, Known>(KEPT);

  constructor(
    private readonly deps: Deps,
    private readonly schema: GraphQLSchema,
  ) {}

  /** Learns each document Apollo resolves an operation for: by then it has passed every rule. */
  readonly plugin: ApolloServerPlugin<GraphQLContext> = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, operation }) => {
        const { query, operationName } = request;
        const plain = request.http?.method === 'POST' && !request.extensions && typeof query === 'string';
        if (!plain || query.length > MAX_QUERY_CHARS || !operation || operation.operation === 'subscription') return;
        this.known.set(keyOf(query, operationName), { document, logged: describeOperation(operation) });
      },
    }),
  };

  /** The answer's body when this request was served here; undefined when it is Apollo's to serve. */
  async serve(req: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    const body = req.body as Body | undefined;
    if (req.method !== 'POST' || !isRecord(body) || typeof body.query !== 'string' || body.extensions != null) {
      return undefined;
    }
    const { variables, operationName } = body;
    if (variables != null && !isRecord(variables)) return undefined;
    // A name that is not a GraphQL name ("" too) names no operation: Apollo says so.
    if (operationName != null && (typeof operationName !== 'string' || !NAME.test(operationName))) return undefined;
    // The media types for which Apollo answers plain JSON; a list of them is left to its negotiation.
    const accept = req.headers.accept;
    if (accept !== undefined && accept !== '*/*' && accept !== 'application/json') return undefined;
    const known = this.known.get(keyOf(body.query, operationName));
    if (!known) return undefined;

    Object.assign(req.logFields, known.logged);
    const contextValue = await requestContext(this.deps, req);
    const result = await execute({
      schema: this.schema,
      document: known.document,
      contextValue,
      variableValues: variables ?? undefined,
      operationName: operationName ?? undefined,
    });
    // No data: the variables did not coerce, and nothing ran. Apollo words that refusal (same context).
    if (result.data === undefined) return undefined;
    this.deps.metrics.graphqlDirect.inc();
    // (Apollo would also apply an error's extensions.http: only the input guard's carry one, before execution.)
    const errors = result.errors?.length ? reportErrors(contextValue, result.errors) : undefined;
    void reply.code(200).header('content-type', JSON_TYPE).header('cache-control', 'no-store');
    // Apollo's field order and trailing newline.
    return `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`;
  }
}

/** A GraphQL name has no line break: the first one ends it. */
const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;
