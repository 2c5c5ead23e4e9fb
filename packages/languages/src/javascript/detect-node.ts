import { dirname } from 'node:path';
import { probeCommand, type ToolchainInfo } from '@passk/core';
import { doesNotRun } from '../internal/does-not-run.ts';
import { resolveEnvironment } from '../internal/environment.ts';
import { findExecutable } from '../internal/find-executable.ts';

/** Options of {@link detectNode}. */
export interface DetectNodeOptions {
  /** Node.js executable to use; skips the search. */
  readonly node?: string;
  /** Environment read for `PASSK_NODE` and `PATH` (default the process's). */
  readonly env?: NodeJS.ProcessEnv;
}

/** A detected Node.js. */
export interface NodeToolchain extends ToolchainInfo {
  /** Directory holding the executable (mounted when it is outside the system directories). */
  readonly directory?: string;
}

/**
 * Finds Node.js: `options.node`, else `$PASSK_NODE`, else `node` in the system directories, else
 * in `PATH`, else the Node.js running passk (`process.execPath`). Runs `node --version`.
 *
 * Returns `available: false` with how to install it when none works. Never throws.
 */
export async function detectNode(options: DetectNodeOptions = {}): Promise<NodeToolchain> {
  const env = resolveEnvironment(options.env);
  const path =
    findExecutable(['node', 'nodejs'], {
      explicit: options.node,
      envVariable: 'PASSK_NODE',
      env,
    }) ?? (options.node === undefined && !env.PASSK_NODE ? process.execPath : undefined);
  if (path === undefined) {
    return {
      available: false,
      problem: `Node.js not found at '${options.node ?? env.PASSK_NODE}'; install Node.js (apt-get install nodejs) or set PASSK_NODE`,
    };
  }
  const probe = await probeCommand([path, '--version'], { env });
  if (probe.exitCode !== 0) {
    return doesNotRun('Node.js', path, probe, '; install Node.js or set PASSK_NODE');
  }
  return { available: true, path, version: probe.stdout.trim(), directory: dirname(path) };
}
