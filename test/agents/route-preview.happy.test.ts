import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/gql.js';
import { ok, signUp, type Tenant } from '../helpers/graphql.js';
import { openaiAgent, usePlan, useUpstreamApp } from '../helpers/runs.js';

const PREVIEW = graphql(`
  query PreviewOverUpstream($agent: String!, $message: String!) {
    routePreview(agent: $agent, message: $message) {
      decision {
        tier
        score
      }
      model {
        id
      }
      wouldConsultClassifier
    }
  }
`);

describe('routePreview against a real provider', () => {
  const env = useUpstreamApp();
  let t: Tenant;
  beforeAll(async () => {
    t = await signUp(env.app);
    await usePlan(env.app, t.tenantId, 'growth');
  });

  it('sends nothing to the provider, not even on an agent that would ask the classifier', async () => {
    const slug = await openaiAgent(env.app, t, { routing: 'CLASSIFIER' });
    const before = env.upstream.requests.length;
    const unsure = 'Our Redis cluster hits 100% CPU every day at noon and requests time out.';
    const preview = await ok(env.app, PREVIEW, { agent: slug, message: unsure }, t.ownerKey);
    expect(preview.routePreview.wouldConsultClassifier).toBe(true);
    const hard = 'Implement a lock-free queue in C++ and prove it linearizable.';
    expect((await ok(env.app, PREVIEW, { agent: slug, message: hard }, t.ownerKey)).routePreview).toMatchObject({
      decision: { tier: 'STRONG' },
      model: { id: 'openai/gpt-4o' },
    });
    expect(env.upstream.requests.length).toBe(before);
  });
});
