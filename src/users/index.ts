export { createUser, insertUser, updateUser } from './commands.js';
export { findUser, findUsers, getUser, listUsers } from './queries.js';
