import { PasskError } from './passk-error.ts';

/** A data file could not be found or fetched, or its hash does not match. */
export class DataError extends PasskError {
  readonly file: string;

  constructor(options: {
    readonly code: 'data-unavailable' | 'data-integrity';
    readonly file: string;
    readonly message: string;
    readonly cause?: unknown;
  }) {
    super(options.code, { message: options.message, cause: options.cause });
    this.name = 'DataError';
    this.file = options.file;
  }
}
