import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Config } from '../config.js';
import type { ModelRow } from '../db/schema/index.js';
import { httpFetch } from './http-fetch.js';
import { LeanOpenAIChat } from './lean-openai.js';
import { SimLanguageModel } from './sim.js';

export type ProviderRegistry = {
  /** The AI SDK model for a catalog row, or why it cannot be used here. */
  languageModel(model: ModelRow): LanguageModelV3 | { unavailable: string };
};

/** Builds provider clients from configuration once; models are created on first use. */
export function createProviderRegistry(config: Config['providers']): ProviderRegistry {
  const cache = new Map<string, LanguageModelV3>();
  const openai =
    config.openai.apiKey || config.openai.baseURL
      ? createOpenAI({ apiKey: config.openai.apiKey ?? 'unused', baseURL: config.openai.baseURL, fetch: httpFetch })
      : undefined;
  const anthropic = config.anthropic.apiKey
    ? createAnthropic({ apiKey: config.anthropic.apiKey, baseURL: config.anthropic.baseURL, fetch: httpFetch })
    : undefined;
  const ollama = config.ollama.baseURL
    ? createOpenAICompatible({
        name: 'ollama',
        baseURL: `${config.ollama.baseURL.replace(/\/$/, '')}/v1`,
        fetch: httpFetch,
        includeUsage: true,
      })
    : undefined;
  const compatible = config.compatible.baseURL
    ? createOpenAICompatible({
        name: 'compatible',
        baseURL: config.compatible.baseURL,
        apiKey: config.compatible.apiKey,
        fetch: httpFetch,
        includeUsage: true,
      })
    : undefined;

  function build(model: ModelRow): LanguageModelV3 | undefined {
    switch (model.provider) {
      case 'sim':
        return new SimLanguageModel(model.providerModel, { latencyMs: config.simLatencyMs });
      case 'openai': {
        const chat = openai?.chat(model.providerModel);
        return chat && new LeanOpenAIChat(chat as unknown as ConstructorParameters<typeof LeanOpenAIChat>[0]);
      }
      case 'anthropic':
        return anthropic?.(model.providerModel);
      case 'ollama':
        return ollama?.chatModel(model.providerModel);
      default:
        return compatible?.chatModel(model.providerModel);
    }
  }

  return {
    languageModel(model) {
      const hit = cache.get(model.id);
      if (hit) return hit;
      const built = build(model);
      if (!built) return { unavailable: `No credentials are configured for the ${model.provider} provider.` };
      cache.set(model.id, built);
      return built;
    },
  };
}
