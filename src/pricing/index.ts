export { microsToUsd, setModelPrice, usdToMicros } from './commands.js';
export { costMicros, costNumerator, estimateCostMicros, toMicros, type Prices, type TokenCounts } from './cost.js';
export { createModelCatalog, type ModelCatalog } from './model-catalog.js';
export { seedModels } from './seed.js';
