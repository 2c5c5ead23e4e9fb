import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { probeCommand, type ToolchainInfo } from '@passk/core';
import { doesNotRun } from '../internal/does-not-run.ts';
import { resolveEnvironment } from '../internal/environment.ts';
import { findExecutable } from '../internal/find-executable.ts';
import { detectNode, type NodeToolchain } from '../javascript/detect-node.ts';

/** Options of {@link detectTypeScript}. */
export interface DetectTypeScriptOptions {
  /** The `tsc` script (`.../typescript/bin/tsc`) to use; skips the search. */
  readonly tsc?: string;
  /** Node.js executable (see `detectNode`). */
  readonly node?: string;
  /** Environment read for `PASSK_TSC`, `PASSK_NODE` and `PATH` (default the process's). */
  readonly env?: NodeJS.ProcessEnv;
}

/** A detected TypeScript compiler and the Node.js that runs it and its output. */
export interface TypeScriptToolchain extends ToolchainInfo {
  /** The Node.js that runs `tsc` and the compiled program. */
  readonly node?: NodeToolchain;
  /** The `typescript` package directory (mounted when outside the system directories). */
  readonly packageDirectory?: string;
}

/**
 * Finds the TypeScript compiler: `options.tsc`, else `$PASSK_TSC`, else the `typescript`
 * package installed with passk (a dependency of `@passk/languages`), else `tsc` in the system
 * directories or `PATH` (Debian's `node-typescript`). `path` is the `tsc` script, run with the
 * detected Node.js; `version` names both (`tsc 5.9.3, node v20.20.2`).
 *
 * Returns `available: false` with how to install it when either is missing. Never throws.
 */
export async function detectTypeScript(
  options: DetectTypeScriptOptions = {},
): Promise<TypeScriptToolchain> {
  const env = resolveEnvironment(options.env);
  const node = await detectNode({ node: options.node, env });
  if (!node.available) return { available: false, node, problem: node.problem };
  const script = findTscScript(options.tsc ?? (env.PASSK_TSC || undefined), env);
  if (script === undefined) {
    return {
      available: false,
      node,
      problem: `TypeScript compiler not found${(options.tsc ?? env.PASSK_TSC) ? ` at '${options.tsc ?? env.PASSK_TSC}'` : ''}; reinstall passk (it depends on typescript), apt-get install node-typescript, or set PASSK_TSC to .../typescript/bin/tsc`,
    };
  }
  const probe = await probeCommand([node.path as string, script, '--version'], { env });
  if (probe.exitCode !== 0) {
    return { ...doesNotRun('tsc', script, probe, '; set PASSK_TSC'), node };
  }
  const version = probe.stdout.trim().replace(/^Version\s+/, '');
  return {
    available: true,
    path: script,
    version: `tsc ${version}, node ${node.version}`,
    node,
    packageDirectory: dirname(dirname(script)),
  };
}

function findTscScript(chosen: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (chosen !== undefined) return existsSync(chosen) ? realpathSync(chosen) : undefined;
  try {
    const manifest = createRequire(import.meta.url).resolve('typescript/package.json');
    const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: { tsc?: string } }).bin?.tsc;
    const script = join(dirname(manifest), bin ?? 'bin/tsc');
    if (existsSync(script)) return script;
  } catch {
    // not installed with passk: look on the system
  }
  const system = findExecutable(['tsc'], { env });
  return system === undefined ? undefined : realpathSync(system);
}
