import OpenAI from 'openai';
import type { TestApp } from './app.js';

/** The official client pointed at Governor's OpenAI-compatible door, as agent code would be. */
export const governorClient = (app: TestApp, apiKey: string, options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  new OpenAI({ baseURL: `${app.url}/v1`, apiKey, maxRetries: 2, ...options });

/** The error an official client call threw, with its status, body and headers. */
export async function refusal(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call;
  } catch (err) {
    if (err instanceof OpenAI.APIError) return err;
    throw err;
  }
  throw new Error('the call succeeded');
}
