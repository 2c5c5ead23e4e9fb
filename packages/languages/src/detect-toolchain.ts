import { probeCommand, type ToolchainInfo } from '@passk/core';
import { resolveEnvironment } from './internal/environment.ts';
import { findExecutable } from './internal/find-executable.ts';

/** A command a language needs, and how to read its version. */
export interface ToolRequirement {
  /** Key under which its path is recorded in {@link DetectedToolchain.commands}. */
  readonly key: string;
  /** Names tried in order (`lua5.3`, then `lua`); the first found wins. */
  readonly names: readonly string[];
  /** Arguments that make it print its version (omit for no version probe). */
  readonly versionArgs?: readonly string[];
  /** Pattern whose first group is the version, applied to stdout + stderr of the probe. */
  readonly versionPattern?: RegExp;
}

/**
 * A command found under any of `names` (tried in order) whose version `versionArgs` prints:
 * the first group of `versionPattern`. Recorded under `key`.
 */
export function versionedTool(
  key: string,
  names: readonly string[],
  versionArgs: readonly string[],
  versionPattern: RegExp,
): ToolRequirement {
  return { key, names, versionArgs, versionPattern };
}

/** A library check: a command that exits 0 when something the tests need is installed. */
export interface LibraryCheck {
  /** What is checked, for messages (`luaunit`). */
  readonly name: string;
  /** The command, given the detected command paths. */
  readonly argv: (commands: Readonly<Record<string, string>>) => readonly string[];
}

/** What {@link detectToolchain} looks for. */
export interface ToolchainRequirements {
  /** Language name for messages (`Lua`). */
  readonly language: string;
  /** Commands; the first is the main one (its path and version are the toolchain's). */
  readonly tools: readonly ToolRequirement[];
  /** Libraries the benchmark's tests load. */
  readonly libraries?: readonly LibraryCheck[];
  /** How to install everything (`apt-get install lua5.3 lua-unit`). */
  readonly installHint: string;
  /** Environment whose `PATH` is searched (default the process's); step directories are searched too. */
  readonly env?: NodeJS.ProcessEnv;
}

/** A toolchain as detected: the paths of every command the language runs. */
export interface DetectedToolchain extends ToolchainInfo {
  /** Absolute path per {@link ToolRequirement.key}, for the commands found. */
  readonly commands: Readonly<Record<string, string>>;
}

/**
 * Finds every command in `requirements.tools` (in `PATH`, then the directories steps search),
 * reads their versions, and runs the library checks. Returns `available: false` with a
 * `problem` naming what is missing and how to install it; never throws. `version` joins the
 * versions of all tools (`mcs 6.8.0.105, mono 6.8.0.105`) when there are several.
 */
export async function detectToolchain(
  requirements: ToolchainRequirements,
): Promise<DetectedToolchain> {
  const env = resolveEnvironment(requirements.env);
  const commands: Record<string, string> = {};
  const versions: string[] = [];
  const missing: string[] = [];
  for (const tool of requirements.tools) {
    const found = tool.names
      .map((name) => findExecutable([name], { env, userPathFirst: true }))
      .find((path) => path !== undefined);
    if (found === undefined) {
      missing.push(tool.names.join(' or '));
      continue;
    }
    commands[tool.key] = found;
    if (tool.versionArgs !== undefined) {
      const probe = await probeCommand([found, ...tool.versionArgs], { env });
      const text = `${probe.stdout}\n${probe.stderr}`;
      const version = tool.versionPattern?.exec(text)?.[1] ?? text.trim().split('\n')[0] ?? '';
      versions.push(requirements.tools.length > 1 ? `${tool.key} ${version}` : version);
    }
  }
  const main = requirements.tools[0];
  const path = main === undefined ? undefined : commands[main.key];
  const version = versions.join(', ');
  if (missing.length > 0) {
    return {
      available: false,
      ...(path === undefined ? {} : { path }),
      commands,
      problem: `${requirements.language}: ${missing.join(', ')} not found; install with: ${requirements.installHint}`,
    };
  }
  for (const library of requirements.libraries ?? []) {
    const probe = await probeCommand(library.argv(commands), { env });
    if (probe.exitCode !== 0) {
      return {
        available: false,
        ...(path === undefined ? {} : { path }),
        version,
        commands,
        problem: `${requirements.language}: ${library.name} is not installed; install with: ${requirements.installHint}`,
      };
    }
  }
  return { available: true, ...(path === undefined ? {} : { path }), version, commands };
}

/** The path of command `key` from a detected toolchain, or `fallback` when unknown. */
export function commandPath(toolchain: ToolchainInfo, key: string, fallback: string): string {
  const commands = (toolchain as Partial<DetectedToolchain>).commands;
  return commands?.[key] ?? fallback;
}
