/**
 * How the local executor isolates programs under test:
 * - `bwrap`: every step runs in a bubblewrap sandbox (own user, PID, network, IPC and UTS
 *   namespaces, read-only system directories, a private size-bounded work area, nothing of
 *   the user's files), under resource limits;
 * - `none`: plain processes with resource limits and a scrubbed environment; no isolation.
 */
export type SandboxMode = 'bwrap' | 'none';

/** Every sandbox mode, default first. */
export const SANDBOX_MODES: readonly SandboxMode[] = ['bwrap', 'none'];
