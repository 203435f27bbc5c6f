import pino from 'pino';

export type Logger = pino.Logger;

/** Paths redacted wherever they appear in a log record: tokens, secrets and personal data. */
const REDACT = [
  'token',
  'accessToken',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.clientSecret',
  '*.password',
  '*.emailAddress',
  '*.email',
];

/** The process's one logger; modules take child loggers carrying their context (business, run id). */
export function createLogger(level: pino.LevelWithSilent = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined }, destination);
}

/** A logger that drops everything, for tests and library defaults. */
export const silentLogger: Logger = pino({ level: 'silent' });
