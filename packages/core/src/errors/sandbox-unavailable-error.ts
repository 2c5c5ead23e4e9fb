import { PasskError } from './passk-error.ts';

/**
 * The sandbox that was asked for cannot run here (bubblewrap missing or not permitted, not
 * Linux). The message says how to install it or how to opt out with `--sandbox none`.
 */
export class SandboxUnavailableError extends PasskError {
  constructor(options: { readonly message: string; readonly cause?: unknown }) {
    super('sandbox-unavailable', options);
    this.name = 'SandboxUnavailableError';
  }
}
