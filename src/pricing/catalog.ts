import { calcPrice } from '@pydantic/genai-prices';
import type { ModelTier } from '../db/schema/index.js';

type CatalogEntry = {
  provider: string;
  providerModel: string;
  tier: ModelTier;
  /** Where the price comes from: a model of the price package, or free (local models). */
  priceFrom: { providerId: string; model: string } | 'free';
};

/** The models seeded on first start. `sim` models are priced like the models they stand in for. */
export const MODEL_CATALOG: CatalogEntry[] = [
  {
    provider: 'sim',
    providerModel: 'sim-small',
    tier: 'CHEAP',
    priceFrom: { providerId: 'openai', model: 'gpt-4o-mini' },
  },
  { provider: 'sim', providerModel: 'sim-large', tier: 'STRONG', priceFrom: { providerId: 'openai', model: 'gpt-4o' } },
  { provider: 'sim', providerModel: 'sim-local', tier: 'LOCAL', priceFrom: 'free' },
  {
    provider: 'openai',
    providerModel: 'gpt-4o-mini',
    tier: 'CHEAP',
    priceFrom: { providerId: 'openai', model: 'gpt-4o-mini' },
  },
  { provider: 'openai', providerModel: 'gpt-4o', tier: 'STRONG', priceFrom: { providerId: 'openai', model: 'gpt-4o' } },
  {
    provider: 'openai',
    providerModel: 'gpt-4.1-mini',
    tier: 'CHEAP',
    priceFrom: { providerId: 'openai', model: 'gpt-4.1-mini' },
  },
  {
    provider: 'openai',
    providerModel: 'gpt-4.1',
    tier: 'STRONG',
    priceFrom: { providerId: 'openai', model: 'gpt-4.1' },
  },
  {
    provider: 'anthropic',
    providerModel: 'claude-haiku-4-5',
    tier: 'CHEAP',
    priceFrom: { providerId: 'anthropic', model: 'claude-haiku-4-5' },
  },
  {
    provider: 'anthropic',
    providerModel: 'claude-sonnet-4-5',
    tier: 'STRONG',
    priceFrom: { providerId: 'anthropic', model: 'claude-sonnet-4-5' },
  },
  { provider: 'ollama', providerModel: 'llama3.2', tier: 'LOCAL', priceFrom: 'free' },
];

export type ModelPrices = {
  inputMicrosPerMTok: number;
  outputMicrosPerMTok: number;
  cachedInputMicrosPerMTok: number | null;
  contextWindow: number | null;
};

// Priced at 100k tokens: below the long-context tiers some providers charge past 200k.
const SAMPLE = 100_000;
const perMTokMicros = (usdForSample: number) => Math.round((usdForSample * 1_000_000 * 1_000_000) / SAMPLE);

export function catalogPrices(entry: CatalogEntry): ModelPrices {
  if (entry.priceFrom === 'free') {
    return { inputMicrosPerMTok: 0, outputMicrosPerMTok: 0, cachedInputMicrosPerMTok: 0, contextWindow: null };
  }
  const { providerId, model } = entry.priceFrom;
  const price = (usage: Record<string, number>) => calcPrice(usage, model, { providerId });
  const input = price({ input_tokens: SAMPLE, output_tokens: 0 });
  const output = price({ input_tokens: 0, output_tokens: SAMPLE });
  const cached = price({ input_tokens: SAMPLE, cache_read_tokens: SAMPLE, output_tokens: 0 });
  if (!input || !output) throw new Error(`The price package has no price for ${providerId}/${model}`);
  return {
    inputMicrosPerMTok: perMTokMicros(input.total_price),
    outputMicrosPerMTok: perMTokMicros(output.total_price),
    cachedInputMicrosPerMTok: cached ? perMTokMicros(cached.total_price) : null,
    contextWindow: input.model.context_window ?? null,
  };
}
