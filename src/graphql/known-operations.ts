import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { execute, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Deps } from '../context.js';
import { buildContext, type GraphQLContext } from './context.js';
import { describeOperation, reportErrors } from './errors.js';

type Known = { document: DocumentNode; operation: OperationDefinitionNode };
type Body = { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };

/** Documents kept, least recently used out first (each is a parsed AST). */
const KEPT = 500;
const JSON_TYPE = 'application/json; charset=utf-8';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * POST /graphql of a document Apollo has already parsed, validated (with the query limits) and
 * resolved to an operation here: run straight with graphql-js, with the context, input validator,
 * error formatting and log fields Apollo's plugins give it, and the same answer (its variables
 * passed the one validator with the rest of the body, in the JSON parser). Apollo's
 * per-request machinery (its hash of the document, plugin hooks, content negotiation) was a tenth
 * of a cache hit's CPU. Whatever is not plainly that (a new document, GET, an extension such as a
 * persisted query, an Accept other than JSON, variables that do not coerce) goes to Apollo, as
 * before.
 */
export class KnownOperations {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly deps: Deps,
    private readonly schema: GraphQLSchema,
  ) {}

  /** Learns each document Apollo resolves an operation for: by then it has passed every rule. */
  readonly plugin: ApolloServerPlugin<GraphQLContext> = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, operation }) => {
        const plain = request.http?.method === 'POST' && !request.extensions && typeof request.query === 'string';
        if (!plain || !operation || operation.operation === 'subscription') return;
        const key = keyOf(request.query!, request.operationName);
        if (this.known.size >= KEPT && !this.known.has(key)) this.known.delete(this.known.keys().next().value!);
        this.known.set(key, { document, operation });
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
    if (operationName != null && typeof operationName !== 'string') return undefined;
    const accept = req.headers.accept;
    if (accept !== undefined && accept !== '*/*' && accept !== 'application/json') return undefined;
    const key = keyOf(body.query, operationName);
    const known = this.known.get(key);
    if (!known) return undefined;
    // Most recently used last, so that eviction takes the oldest.
    this.known.delete(key);
    this.known.set(key, known);

    Object.assign(req.logFields, describeOperation(known.operation));
    const contextValue = await buildContext(this.deps, req.headers.authorization, req.id, req.logFields, req.ip);
    const result = await execute({
      schema: this.schema,
      document: known.document,
      contextValue,
      variableValues: variables ?? undefined,
      operationName: operationName ?? undefined,
    });
    // No data: the variables did not coerce, and nothing ran. Apollo words that refusal.
    if (result.data === undefined) return undefined;
    this.deps.metrics.graphqlDirect.inc();
    const errors = result.errors?.length ? reportErrors(contextValue, result.errors) : undefined;
    void reply.code(200).header('content-type', JSON_TYPE).header('cache-control', 'no-store');
    // Apollo's field order and trailing newline.
    return `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`;
  }
}

const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;
