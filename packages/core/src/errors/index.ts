export { CredentialError } from './credential-error.ts';
export { DataError } from './data-error.ts';
export { ExecutorError } from './executor-error.ts';
export { type InputLocation, InvalidInputError } from './invalid-input-error.ts';
export { PasskError, type PasskErrorCode, type PasskErrorOptions } from './passk-error.ts';
export { RunStoreError } from './run-store-error.ts';
export { SandboxUnavailableError } from './sandbox-unavailable-error.ts';
export { UnknownIdError } from './unknown-id-error.ts';
export { UsageError } from './usage-error.ts';
