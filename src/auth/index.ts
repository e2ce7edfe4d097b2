export { createApiKey, findApiKey, insertApiKey, listApiKeys, revokeApiKey, type CreatedApiKey } from './api-keys.js';
export { createKeyAuthenticator, type KeyAuthenticator } from './authenticate.js';
export { parseBearer, sameToken } from './secrets.js';
export { endSession, startSession, type StartedSession } from './sessions.js';
