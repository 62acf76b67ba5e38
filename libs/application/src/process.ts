import { LogIntegrityError } from '../../event-store';
import { ConfigError } from './config';

/**
 * Runs a long-lived app: `start` returns how to close what it opened, which SIGINT and SIGTERM then do.
 * A configuration error, or a log refused at open (another format), prints what is wrong, without a stack, and exits 1.
 */
export const runUntilSignal = (start: () => Promise<() => Promise<void>>): void => {
  start().then(
    (close) => {
      const stop = (): void =>
        void close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error instanceof ConfigError || error instanceof LogIntegrityError ? error.message : error);
      process.exit(1);
    },
  );
};
