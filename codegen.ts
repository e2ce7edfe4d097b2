import type { CodegenConfig } from '@graphql-codegen/cli';

const row = (name: string) => `../../db/schema/index.js#${name}`;

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.js#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: { input: 'Date', output: 'Date | string' }, SafeInt: 'number' },
        mappers: {
          Tenant: row('TenantRow'),
          User: row('UserRow'),
          ApiKey: row('ApiKeyRow'),
          Agent: row('AgentRow'),
          Model: row('ModelRow'),
          Plan: row('PlanRow'),
          Viewer: '../context.js#ViewerParent',
          CreateTenantPayload: '../../tenants/index.js#CreatedTenant',
          CreateApiKeyPayload: '../../auth/index.js#CreatedApiKey',
          BudgetStatus: '../../budgets/index.js#BudgetStatusView',
          AgentRun: '../../agents/index.js#RunRecord',
          UsageRow: '../../monitoring/usage.js#UsageGroup',
          Alert: row('AlertRow'),
          RoutingAdjustment: row('RoutingAdjustmentRow'),
          RoutePreview: '../../agents/index.js#RoutePreviewView',
          UsageSummary: '../../monitoring/usage.js#UsageSummaryView',
        },
      },
    },
    // Typed documents for the integration tests: each graphql() call under test/ becomes a TypedDocumentNode.
    'test/__generated__/': {
      documents: ['test/**/*.ts', '!test/__generated__/**', '!test/fixtures/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // typescript-operations 6 has no enumsAsTypes: its enumType 'string-literal' is the same thing.
        enumType: 'string-literal',
        // DateTime travels as an ISO-8601 string; NodeNext resolution wants the .js on relative imports.
        scalars: { DateTime: 'string', SafeInt: 'number' },
        importExtension: '.js',
      },
    },
  },
};
export default config;
