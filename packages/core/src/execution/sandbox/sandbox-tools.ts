import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute paths of the programs the `bwrap` sandbox is built from. */
export interface SandboxTools {
  /** bubblewrap: namespaces and mounts. */
  readonly bwrap: string;
  /** util-linux nsenter: enters a slot's work-area mount namespace. */
  readonly nsenter: string;
  /** util-linux prlimit: sets the resource limits inside the sandbox. */
  readonly prlimit: string;
  /** util-linux setpriv: drops root to the slot's own uid (only when passk runs as root). */
  readonly setpriv: string;
  /** util-linux unshare: a user namespace for the dropped uid (only when passk runs as root). */
  readonly unshare: string;
  /** coreutils sleep: keeps a work-area holder alive. */
  readonly sleep: string;
}

/** Where the tools are looked for: system directories first, then `PATH`. */
const SEARCH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin'];

/** The Debian/Ubuntu package of each tool, for messages. */
export const TOOL_PACKAGES: Readonly<Record<keyof SandboxTools, string>> = {
  bwrap: 'bubblewrap',
  nsenter: 'util-linux',
  prlimit: 'util-linux',
  setpriv: 'util-linux',
  unshare: 'util-linux',
  sleep: 'coreutils',
};

/**
 * Finds the sandbox tools. Returns the tools, or the names of the missing ones. `PATH` is
 * searched after the system directories (default `process.env.PATH`); `bwrap`, when given,
 * is the only bubblewrap binary considered.
 */
export function findSandboxTools(
  path: string = process.env.PATH ?? '',
  bwrap?: string,
): { readonly tools: SandboxTools } | { readonly missing: readonly (keyof SandboxTools)[] } {
  const directories = [...SEARCH, ...path.split(':').filter((entry) => entry.startsWith('/'))];
  const found: Partial<Record<keyof SandboxTools, string>> = {};
  const missing: (keyof SandboxTools)[] = [];
  for (const name of Object.keys(TOOL_PACKAGES) as (keyof SandboxTools)[]) {
    const hit =
      name === 'bwrap' && bwrap !== undefined
        ? [bwrap].find(isExecutable)
        : directories.map((directory) => join(directory, name)).find(isExecutable);
    if (hit === undefined) missing.push(name);
    else found[name] = hit;
  }
  return missing.length > 0 ? { missing } : { tools: found as SandboxTools };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
