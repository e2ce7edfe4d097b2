export { createUser, insertUser, updateUser } from './commands.js';
export { findUser, findUsers, getUser, listUsers, usersMatching } from './queries.js';
