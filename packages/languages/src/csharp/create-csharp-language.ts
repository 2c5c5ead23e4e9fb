import { defineMultiplELanguageFactory } from '../define-multipl-e-language.ts';
import { commandPath, versionedTool } from '../detect-toolchain.ts';
import { assetPath } from '../internal/asset-path.ts';
import { buildStep, runStep } from '../internal/steps.ts';
import { type MultiplERules, sentinelPrinted } from '../multipl-e-judge.ts';

/** `assets/csharp/PasskMain.cs`: an entry point that calls `Problem.Main`, then prints the sentinel. */
export const CSHARP_ENTRY_PATH = assetPath('csharp/PasskMain.cs');

/** MultiPL-E gives the C# build no limit of its own; passk uses `safe_subprocess`'s default. */
export const CSHARP_BUILD_TIMEOUT_MS = 15_000;

/**
 * MultiPL-E's C# rule (`csc /d:DEBUG -r:System.Numerics.dll <file>`; `mono <exe>` with
 * `MONO_TRACE_LISTENER=Console.Error`, 5 s): a failed build is `SyntaxError`; a run is
 * `Exception` when stderr contains `System.Diagnostics.DefaultTraceListener.Fail` (a failed
 * `Debug.Assert`, which mono reports and continues past, exiting 0) or `Unhandled Exception`;
 * `Timeout`; otherwise `OK`. Evidence: the sentinel printed by `PasskMain` after
 * `Problem.Main` returned.
 */
export const CSHARP_RULES: MultiplERules = {
  language: 'C#',
  buildStep: 'build',
  runStatus: (run) =>
    run.timedOut
      ? 'Timeout'
      : run.stderr.includes('System.Diagnostics.DefaultTraceListener.Fail') ||
          run.stderr.includes('Unhandled Exception')
        ? 'Exception'
        : 'OK',
  completed: sentinelPrinted,
  evidence: 'completion sentinel after Problem.Main returned',
  failureStatus: (word, run) =>
    word === 'Exception' && run.stderr.includes('DefaultTraceListener.Fail') ? 'failed' : undefined,
  outOfMemory: /OutOfMemoryException/,
};

/**
 * C# on mono. Debian has no Roslyn `csc`, so the build uses mono's `mcs` with MultiPL-E's
 * flags (`-d:DEBUG -r:System.Numerics.dll`) plus `PasskMain.cs` as the entry point
 * (`-main:PasskMain`). Judge `multipl-e`: steps `build` and `run`; see {@link CSHARP_RULES}.
 */
export const createCsharpLanguage = defineMultiplELanguageFactory({
  names: { id: 'csharp', aliases: ['cs', 'c#'], extension: '.cs' },
  requirements: {
    tools: [
      versionedTool('mcs', ['mcs'], ['--version'], /version (\S+)/),
      versionedTool('mono', ['mono'], ['--version'], /version (\S+)/),
    ],
    installHint: 'apt-get install mono-devel',
  },
  steps: (program, toolchain, { timeoutFactor }) => [
    buildStep(
      [
        commandPath(toolchain, 'mcs', 'mcs'),
        '-d:DEBUG',
        '-r:System.Numerics.dll',
        '-main:PasskMain',
        '-out:main.exe',
        program.mainFile,
        CSHARP_ENTRY_PATH,
      ],
      CSHARP_BUILD_TIMEOUT_MS,
      timeoutFactor,
      { mounts: [{ path: CSHARP_ENTRY_PATH }] },
    ),
    runStep(program, timeoutFactor, [commandPath(toolchain, 'mono', 'mono'), 'main.exe'], {
      env: { MONO_TRACE_LISTENER: 'Console.Error' },
    }),
  ],
  rules: CSHARP_RULES,
});
