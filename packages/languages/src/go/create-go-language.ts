import { defineLanguageFactory, type LanguageOptionsOf } from '../define-language.ts';
import { classifyGo } from './classify-go.ts';
import { type DetectGoOptions, detectGo } from './detect-go.ts';
import { GO_JUDGES, goSteps } from './go-steps.ts';

/**
 * The Go language (`go`, alias `golang`, extension `.go`); 4 GiB address space and 1 MiB of
 * output per step by default.
 *
 * Judges: `humaneval-x` (CodeGeeX: `go test -timeout=<t>s main_test.go` with testify) and
 * `multipl-e` (`go test <file>_test.go`, standard library only, judged by `go test`'s output).
 * `go test` is split into a cached build and a run of the test binary; a pass needs the testing
 * package's `PASS` line, and `os.Exit(0)` during a test panics (`-test.paniconexit0`, as `go
 * test` does). Under `multipl-e` a pass must also be earned in the output judge: the candidate's
 * calls and the expected values printed (`%v`) by two programs built apart, compared by passk
 * (`goOutputJudgeSteps`). See `goSteps` and `classifyGo`. `steps()` and `classify()` throw
 * `UnknownIdError` for another judge.
 */
export const createGoLanguage = defineLanguageFactory({
  names: { id: 'go', aliases: ['golang'], extension: '.go' },
  rules: { judges: GO_JUDGES, steps: goSteps, classify: classifyGo },
  detect: (options: DetectGoOptions) => detectGo(options),
});

/** Options of {@link createGoLanguage}: the limits and what `detectGo` takes. */
export type GoLanguageOptions = LanguageOptionsOf<typeof createGoLanguage>;
