import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineProvider, type Provider, UsageError } from '@passk/core';
import { failedGeneration } from './internal/failed-generation.ts';

/**
 * `--model command:<executable>`: a user's agent program that passk runs once per attempt
 * with `--agent` (see `runCommandAttempt` in @passk/core for the protocol: the files and
 * environment it gets, what it leaves). The path is resolved against the current directory;
 * `prepare` checks that it is an executable file. Without `--agent` a run refuses it.
 */
export function createCommandAgentProvider(executable: string): Provider {
  const path = resolve(executable);
  return defineProvider({
    id: `command:${executable}`,
    model: `command:${executable}`,
    cacheable: false,
    agentCommand: path,
    async prepare() {
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || !info.isFile()) {
        throw new UsageError({ message: `--model command:${executable}: no such file (${path})` });
      }
      await access(path, constants.X_OK).catch(() => {
        throw new UsageError({
          message: `--model command:${executable}: not executable (chmod +x ${path})`,
        });
      });
    },
    async generate() {
      return failedGeneration({
        class: 'invalid_request',
        message: 'a command: model is an agent program: run it with --agent',
        retryable: false,
      });
    },
  });
}
