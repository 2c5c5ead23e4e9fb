import type { SandboxTools } from './sandbox-tools.ts';

/**
 * The shell part of {@link lifelineArgs}: `$1` is passk's pid; the arguments up to `--` are
 * cgroup `cgroup.procs` files to join; the rest is the command.
 */
const SCRIPT =
  'test "$PPID" = "$1" || exit 125; shift; ' +
  'for f; do [ "$f" = -- ] && { shift; break; }; echo $$ > "$f" || exit 125; shift; done; ' +
  'exec "$@"';

/**
 * The command prefix that ties a sandbox (or a work-area holder) to passk's life, without a
 * window in which passk's death could leave it running:
 *
 * `setpriv --pdeathsig KILL -- /bin/sh -c <script> sh <passk pid> [cgroup.procs ...] -- <argv>`
 *
 * `setpriv` asks the kernel to SIGKILL the process when passk (its parent) dies; the shell
 * then checks that passk is still its parent (had passk died before the `prctl`, the process
 * would have been re-parented already) and exits with 125 otherwise, writes its pid into the
 * given cgroups, and execs the command, which keeps the death signal (bwrap's own
 * `--die-with-parent` carries it into the sandbox).
 */
export function lifelineArgs(tools: SandboxTools, procsFiles: readonly string[] = []): string[] {
  return [
    tools.setpriv,
    '--pdeathsig',
    'KILL',
    '--',
    '/bin/sh',
    '-c',
    SCRIPT,
    'sh',
    String(process.pid),
    ...procsFiles,
    '--',
  ];
}
