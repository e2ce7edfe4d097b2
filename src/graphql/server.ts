import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context.js';
import { errorReportingPlugin, formatError } from './errors.js';
import { inputGuardPlugin, storableLiterals } from './input-guard.js';
import { buildResolvers } from './resolvers/index.js';

const schemaDir = fileURLToPath(new URL('../../schema', import.meta.url));

export function loadTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
    .join('\n');
}

/** The one executable schema both GraphQL doors serve (/graphql and /graphql/stream). */
export const buildSchema = () => makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: buildResolvers() });

/**
 * The query limits both doors apply before execution: depth, aliases, directives, cost, tokens,
 * and the one validator on string literals. Armor's own token limit turns a syntax error into a
 * 500: graphql-js's parser limit does it right.
 */
export function queryLimits() {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 30 },
    costLimit: { maxCost: 5000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { parseOptions: { maxTokens: 5000 }, validationRules: [...armor.validationRules, storableLiterals], armor };
}

/** `introspection` follows the configured mode (off in production), not the process's NODE_ENV. */
export function createApollo(options: {
  schema: GraphQLSchema;
  landingPage: boolean;
  introspection: boolean;
  plugins?: ApolloServerPlugin<GraphQLContext>[];
}) {
  const { armor, parseOptions, validationRules } = queryLimits();
  return new ApolloServer<GraphQLContext>({
    schema: options.schema,
    formatError,
    parseOptions,
    validationRules,
    allowBatchedHttpRequests: false,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // Armor is typed against the CommonJS build of @apollo/server: the same plugin interface.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      errorReportingPlugin,
      inputGuardPlugin,
      // Apollo's default cache hints: no type has any, yet the plugin wraps every resolver to
      // gather them. The input guard answers `no-store`, as this plugin did.
      ApolloServerPluginCacheControlDisabled(),
      options.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ footer: false })
        : ApolloServerPluginLandingPageDisabled(),
      ...(options.plugins ?? []),
    ],
  });
}
