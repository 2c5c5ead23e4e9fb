import { PasskError } from './passk-error.ts';

/** Where in an input the problem is. */
export interface InputLocation {
  /** File path as the user gave it. */
  readonly file?: string;
  /** 1-based line number. */
  readonly line?: number;
  /** JSON path inside the record (`/completion`). */
  readonly path?: string;
}

/** Bad input data: a malformed file, record or value. The message names file, line and path. */
export class InvalidInputError extends PasskError {
  readonly location: InputLocation;

  constructor(options: {
    readonly reason: string;
    readonly location?: InputLocation;
    readonly cause?: unknown;
  }) {
    const location = options.location ?? {};
    super('invalid-input', {
      message: `${formatLocation(location)}${options.reason}`,
      cause: options.cause,
    });
    this.name = 'InvalidInputError';
    this.location = location;
  }
}

function formatLocation({ file, line, path }: InputLocation): string {
  const parts = [
    file,
    line === undefined ? undefined : `line ${line}`,
    path ? `at ${path}` : undefined,
  ].filter((part) => part !== undefined && part !== '');
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}
