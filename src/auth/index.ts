export { createApiKey, findApiKey, insertApiKey, listApiKeys, revokeApiKey, type CreatedApiKey } from './api-keys.js';
export { createKeyAuthenticator, type KeyAuthenticator } from './authenticate.js';
export { inTenant, requireRole, roleAtLeast, type Actor, type Deps, type PublicContext, type TenantContext } from './context.js';
export { sameToken } from './secrets.js';
