import { PasskError } from './passk-error.ts';

/** A command-line or API argument is wrong; the message names the flag or parameter. */
export class UsageError extends PasskError {
  constructor(options: { readonly message: string; readonly cause?: unknown }) {
    super('usage', options);
    this.name = 'UsageError';
  }
}
