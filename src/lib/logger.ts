import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'governor' },
    // Secrets never reach the log even if a caller passes them along.
    redact: { paths: ['secret', '*.secret', 'authorization', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
