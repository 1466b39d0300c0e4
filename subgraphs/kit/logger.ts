import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** The service name, on every line. */
  name: string;
  /** @default 'info' */
  level?: string;
  /** Where lines go; tests pass a stream to read them. @default stdout */
  destination?: pino.DestinationStream;
}

/**
 * Structured JSON logs. Secrets and personal data are redacted by path as a safety net; the rule
 * remains that code never puts a token, a CPR number or document content into a log call.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      redact: {
        paths: [
          'authorization',
          '*.authorization',
          'headers.authorization',
          'token',
          'cpr',
          '*.cpr',
        ],
        censor: '[redacted]',
      },
      base: { service: options.name },
    },
    options.destination,
  );
}
