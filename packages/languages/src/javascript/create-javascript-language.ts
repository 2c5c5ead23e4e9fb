import { defineLanguageFactory, type LanguageOptionsOf } from '../define-language.ts';
import { classifyJavaScript } from './classify-javascript.ts';
import { type DetectNodeOptions, detectNode } from './detect-node.ts';
import { JAVASCRIPT_JUDGES, javascriptSteps } from './javascript-steps.ts';

/**
 * The JavaScript language (`javascript`, aliases `js` and `node`, extension `.js`), run with
 * Node.js; 4 GiB address space and 1 MiB of output per run by default.
 *
 * Judges: `humaneval-x` (CodeGeeX: `node test.js`, pass iff stdout and stderr are empty, see
 * `classifyHumanEvalXJavaScript`) and `multipl-e` (MultiPL-E: `node <file>`, pass on exit code 0,
 * see `classifyMultiplENodeRun`). Both need evidence that the program ran to its end (a
 * preloaded hook reports Node's `beforeExit`), so `process.exit(0)` before the tests finish is
 * not a pass; the reference's pass is kept in `Verdict.reference`. `steps()` and `classify()`
 * throw `UnknownIdError` for another judge.
 */
export const createJavaScriptLanguage = defineLanguageFactory({
  names: { id: 'javascript', aliases: ['js', 'node'], extension: '.js' },
  rules: { judges: JAVASCRIPT_JUDGES, steps: javascriptSteps, classify: classifyJavaScript },
  detect: (options: DetectNodeOptions) => detectNode(options),
});

/** Options of {@link createJavaScriptLanguage}: the limits and what `detectNode` takes. */
export type JavaScriptLanguageOptions = LanguageOptionsOf<typeof createJavaScriptLanguage>;
