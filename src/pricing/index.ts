export { microsToUsd, setModelPrice, usdToMicros } from './commands.js';
export { createModelCatalog, type ModelCatalog } from './model-catalog.js';
