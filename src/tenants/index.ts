export { createTenant, findTenant, getTenant, updateTenant, type CreatedTenant } from './commands.js';
export { ensureDemoTenant } from './demo.js';
