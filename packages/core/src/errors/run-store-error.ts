import { PasskError } from './passk-error.ts';

/** A run directory cannot be used: wrong format, or it belongs to a different configuration. */
export class RunStoreError extends PasskError {
  readonly directory: string;

  constructor(options: {
    readonly directory: string;
    readonly message: string;
    readonly cause?: unknown;
  }) {
    super('run-store', { message: options.message, cause: options.cause });
    this.name = 'RunStoreError';
    this.directory = options.directory;
  }

  override get isUserError(): boolean {
    return true;
  }
}
