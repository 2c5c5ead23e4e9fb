const marker = Symbol.for('passk.error');

/** Stable error codes; callers branch on these, never on messages. */
export type PasskErrorCode =
  | 'usage'
  | 'invalid-input'
  | 'unknown-id'
  | 'data-unavailable'
  | 'data-integrity'
  | 'executor-broken'
  | 'run-store'
  | 'credential-missing'
  | 'sandbox-unavailable'
  | 'aborted';

/** Options shared by every passk error. */
export interface PasskErrorOptions {
  readonly message: string;
  readonly cause?: unknown;
}

/**
 * Base class of every error passk throws on purpose. Recognised across package copies with
 * `PasskError.is`. `isUserError` errors map to exit code 2 in the CLI.
 */
export class PasskError extends Error {
  readonly [marker] = true;
  readonly code: PasskErrorCode;

  constructor(code: PasskErrorCode, options: PasskErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PasskError';
    this.code = code;
  }

  /** True when the error was caused by the user's input or arguments (exit code 2). */
  get isUserError(): boolean {
    return [
      'usage',
      'invalid-input',
      'unknown-id',
      'data-integrity',
      'data-unavailable',
      'credential-missing',
      'sandbox-unavailable',
    ].includes(this.code);
  }

  /** True for any `PasskError`, even one from another copy of this package. */
  static is(error: unknown): error is PasskError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
