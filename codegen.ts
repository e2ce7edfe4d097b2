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
        scalars: { DateTime: { input: 'Date', output: 'Date | string' } },
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
        },
      },
    },
  },
};
export default config;
