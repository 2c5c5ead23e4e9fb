import { posix } from 'node:path';
import { SANDBOX_JOBS_DIR } from '../../execution/bwrap-slot.ts';
import { SYSTEM_DIRECTORIES } from '../../execution/sandbox/system-mounts.ts';
import type { DeniedAccess } from '../../spec/agent.ts';

/**
 * The errors a denied network access prints, in the words of the runtimes (texts captured in
 * the sandbox: see the test): `connect()` in a network namespace without a route
 * (ENETUNREACH: Python, Node, PHP, Ruby, Java, Go, Rust, C), a name lookup without a name
 * server (EAI_AGAIN: Python, Node, PHP, Ruby, Java, Rust, C), and Go's own resolver, which
 * then asks port 53 of localhost. A connection refused by localhost is not one: the sandbox's
 * own loopback is not the network.
 */
const NETWORK_ERRORS = [
  /network is unreachable|\bENETUNREACH\b/i,
  /temporary failure in name resolution|\bEAI_AGAIN\b/i,
  /\blookup \S+ on \S+:53\b/,
];

/** File errors, per errno, in the runtimes' words (Java's NIO names the exception instead). */
const FILE_ERRORS = {
  EACCES: /permission denied|\bEACCES\b|AccessDeniedException/i,
  EROFS: /read-only file system|\bEROFS\b/i,
  ENOENT: /no such file or directory|\bENOENT\b|NoSuchFileException/i,
} as const;

/** Where a sandboxed program may write: its work directory (below the jobs directory) and its `/tmp`. */
const WRITABLE = [SANDBOX_JOBS_DIR, '/tmp', '/dev/shm'];

/** What the sandbox shows of the file system: a file missing there is just missing. */
const SHOWN = [...SYSTEM_DIRECTORIES, '/proc', '/dev', ...WRITABLE];

/** Absolute paths in a line: after a start, a space, a quote, a bracket, `=` or `:`. */
const ABSOLUTE_PATH = /(?:^|[\s'"([=:])(\/(?!\/)[^\s'"():,\]]*)/g;

/**
 * The access the sandbox denied a program, read from its output (`texts`: the tails of its
 * stdout and stderr), line by line:
 * - `network`: a line with one of {@link NETWORK_ERRORS};
 * - `filesystem`: a line with "Permission denied" (EACCES) or "Read-only file system" (EROFS)
 *   that names an absolute path outside the places the program may write (its work directory,
 *   `/tmp`), or names no absolute path (Rust and `perror` leave the path out; a program gets
 *   these errors in its own work directory only by taking its own permissions away); or a
 *   line with "No such file or directory" (ENOENT) that names an absolute path the sandbox
 *   does not show (`/root`, `/home`, `/etc/shadow`, the user's files: anything outside the
 *   system directories, `/proc`, `/dev` and the writable places).
 *
 * Returns the kinds seen, in the order `network`, `filesystem`; empty when none. A report of
 * what the program printed, never part of a verdict: a program that catches the error and
 * stays silent is not seen, and one that prints such an error without trying is counted.
 */
export function classifyDeniedAccess(texts: readonly (string | undefined)[]): DeniedAccess[] {
  let network = false;
  let filesystem = false;
  for (const text of texts) {
    for (const line of (text ?? '').split('\n')) {
      network ||= NETWORK_ERRORS.some((pattern) => pattern.test(line));
      filesystem ||= deniesFile(line);
      if (network && filesystem) break;
    }
  }
  return [...(network ? ['network' as const] : []), ...(filesystem ? ['filesystem' as const] : [])];
}

/** True when `line` reports a file access the sandbox denied (see {@link classifyDeniedAccess}). */
function deniesFile(line: string): boolean {
  const refused = FILE_ERRORS.EACCES.test(line) || FILE_ERRORS.EROFS.test(line);
  const missing = FILE_ERRORS.ENOENT.test(line);
  if (!refused && !missing) return false;
  const paths = [...line.matchAll(ABSOLUTE_PATH)].map((match) => posix.normalize(match[1] ?? ''));
  if (paths.length === 0) return refused;
  return paths.some(
    (path) => (refused && !isBelow(path, WRITABLE)) || (missing && !isBelow(path, SHOWN)),
  );
}

function isBelow(path: string, directories: readonly string[]): boolean {
  return directories.some((directory) => path === directory || path.startsWith(`${directory}/`));
}
