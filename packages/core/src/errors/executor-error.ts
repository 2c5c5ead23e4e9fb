import { PasskError } from './passk-error.ts';

/** The executor itself is broken (not the program under test). */
export class ExecutorError extends PasskError {
  constructor(options: { readonly message: string; readonly cause?: unknown }) {
    super('executor-broken', options);
    this.name = 'ExecutorError';
  }
}
