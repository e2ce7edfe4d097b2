import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { formatError } from './errors.js';

const formatted = (message: string, extensions: Record<string, unknown> = {}) => ({ message, path: ['x'], extensions });

describe('formatError', () => {
  it('keeps an AppError code and its extensions', () => {
    const err = new GraphQLError('boom', {
      originalError: new AppError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 3 }),
      path: ['x'],
    });
    expect(formatError(formatted('slow down'), err).extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 3 });
  });
  it('turns request faults into BAD_USER_INPUT', () => {
    const err = new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(formatError(formatted('Syntax Error'), err).extensions?.code).toBe('BAD_USER_INPUT');
  });
  it('masks anything unknown', () => {
    const err = new GraphQLError('connection string postgres://secret', {
      originalError: new Error('secret'),
      path: ['x'],
    });
    expect(formatError(formatted('connection string postgres://secret'), err)).toEqual({
      message: 'Internal server error',
      path: ['x'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
