export { createUser, insertUser, updateUser } from './commands.js';
export { findUser, getUser, listUsers } from './queries.js';
