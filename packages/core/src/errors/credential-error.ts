import { PasskError } from './passk-error.ts';

/** A model provider's API key is missing; the message names the variable(s) looked up. */
export class CredentialError extends PasskError {
  /** Environment variables that were looked up, in order. */
  readonly variables: readonly string[];

  constructor(options: {
    readonly variables: readonly string[];
    readonly message: string;
  }) {
    super('credential-missing', { message: options.message });
    this.name = 'CredentialError';
    this.variables = options.variables;
  }
}
