import {
  createRunExecutor,
  type Executor,
  judgeProgram,
  type Language,
  type Program,
  type ProgramJudgement,
  type Registry,
  type RunEnvironment,
  type SandboxMode,
  type ToolchainInfo,
} from '@passk/core';

/** Executes programs for `check_solution`: one executor per server, toolchains detected once. */
export interface ExecutionService {
  /** The verdict of `program`, through core's program → verdict path (`judgeProgram`). */
  judge(program: Program, signal?: AbortSignal): Promise<ProgramJudgement>;
  close(): Promise<void>;
}

/**
 * An execution service whose executor (created on first use, `workers` programs at once; more
 * wait in its queue) runs programs as `passk evaluate` does: same sandbox, limits and rules.
 */
export function createExecutionService(options: {
  readonly registry: Registry;
  readonly workers: number;
  readonly sandbox: SandboxMode;
  readonly env: RunEnvironment;
  readonly warn: (message: string) => void;
}): ExecutionService {
  let executor: Executor | undefined;
  const toolchains = new Map<string, Promise<ToolchainInfo>>();
  const toolchainOf = (language: Language) => {
    let toolchain = toolchains.get(language.id);
    if (toolchain === undefined) {
      toolchain = language.detect();
      toolchains.set(language.id, toolchain);
    }
    return toolchain;
  };
  return {
    async judge(program, signal) {
      const language = options.registry.language(program.language);
      const toolchain = await toolchainOf(language);
      executor ??= createRunExecutor({
        workers: options.workers,
        sandbox: options.sandbox,
        env: options.env,
        logger: { warn: options.warn },
      });
      return judgeProgram({
        language,
        toolchain,
        executor,
        program,
        ...(signal ? { signal } : {}),
      });
    },
    async close() {
      await executor?.close();
    },
  };
}
