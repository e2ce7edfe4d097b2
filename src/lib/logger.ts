import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * What a request's one log line says beyond HTTP, filled in by the layers that know it (the
 * tenant, the operation, its outcome). Never prompts, answers, keys or secrets.
 */
export type LogFields = Record<string, string | number | boolean | string[] | undefined>;

/**
 * A child logger with these bindings, made only when something is logged: most requests log
 * nothing but their one access line, and a pino child per request showed in the profile.
 */
export function lazyChild(log: Logger, bindings: Record<string, string>): Logger {
  let child: Logger | undefined;
  return new Proxy(log, {
    get(target, prop) {
      child ??= target.child(bindings);
      const value = Reflect.get(child, prop);
      return typeof value === 'function' ? value.bind(child) : value;
    },
  });
}

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'governor' },
    // Secrets never reach the log even if a caller passes them along.
    redact: {
      paths: ['secret', '*.secret', 'authorization', '*.authorization', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
