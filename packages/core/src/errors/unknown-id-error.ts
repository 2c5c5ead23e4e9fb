import { PasskError } from './passk-error.ts';

/** A plugin id that is not registered; the message lists the known ids. */
export class UnknownIdError extends PasskError {
  readonly kind: string;
  readonly requested: string;
  readonly known: readonly string[];

  constructor(options: {
    readonly kind: string;
    readonly requested: string;
    readonly known: readonly string[];
    readonly hint?: string;
  }) {
    const known = options.known.length > 0 ? options.known.join(', ') : '(none)';
    super('unknown-id', {
      message: `unknown ${options.kind} '${options.requested}'; known ${options.kind}s: ${known}${options.hint ? `. ${options.hint}` : ''}`,
    });
    this.name = 'UnknownIdError';
    this.kind = options.kind;
    this.requested = options.requested;
    this.known = options.known;
  }
}
