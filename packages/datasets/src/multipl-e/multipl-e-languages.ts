import type { DataFileSpec } from '@passk/core';

/** One language of the MultiPL-E HumanEval ("reworded") translations. */
export interface MultiplELanguage {
  /** MultiPL-E's language code, as in `humaneval-<code>` and the dataset id `multipl-e/<code>`. */
  readonly code: string;
  /** passk language id that builds and runs its programs. */
  readonly languageId: string;
  /** MultiPL-E's file ending for the program (`.lua`, `_test.go`); the program is `main<suffix>`. */
  readonly fileSuffix: string;
  /** MultiPL-E's time limit of the step that runs the program, in milliseconds (§3.5). */
  readonly runTimeoutMs: number;
  /** The problem file. */
  readonly file: DataFileSpec;
  /**
   * The language's judge (`Program.judge`) for MultiPL-E's rules: `multipl-e`, except
   * Python, whose plugin names its MultiPL-E rule (`python3 <file>`, exit code) `script`.
   */
  readonly judge: string;
}

const DEEPSEEK_COMMIT = '2f9fd85927c669dae3c0fbb2d607274023af243e';
const QWEN_COMMIT = 'd5ead97fea36bca3744e1a4c49e882f6fa2f406a';

const deepseek = (code: string, sha256: string): DataFileSpec => ({
  path: `multipl-e/humaneval-reworded/humaneval-${code}.jsonl`,
  url: `https://raw.githubusercontent.com/deepseek-ai/DeepSeek-Coder/${DEEPSEEK_COMMIT}/Evaluation/HumanEval/data/humaneval-${code}.jsonl`,
  sha256,
});

const language = (
  code: string,
  languageId: string,
  fileSuffix: string,
  runTimeoutMs: number,
  file: DataFileSpec,
): MultiplELanguage => ({
  code,
  languageId,
  fileSuffix,
  runTimeoutMs,
  file,
  judge: languageId === 'python' ? 'script' : 'multipl-e',
});

/**
 * The 19 languages of MultiPL-E's HumanEval, in MultiPL-E's order of codes. Files: the
 * "reworded" translations (doctests transformed, Python terms reworded) as vendored by
 * DeepSeek-Coder, byte-identical to the copies Qwen2.5-Coder evaluated with; Python from
 * Qwen2.5-Coder (DeepSeek's `humaneval-python.jsonl` is HumanEval-X Python, not MultiPL-E).
 * C# uses `humaneval-cs.jsonl`, not the older `humaneval-cs-bu.jsonl` whose tests compare
 * lists by reference. Run time limits are MultiPL-E's (`evaluation/src/eval_*.py`).
 */
export const MULTIPL_E_LANGUAGES: readonly MultiplELanguage[] = [
  language(
    'cpp',
    'cpp',
    '.cpp',
    15_000,
    deepseek('cpp', '8717eabdf202137158c84506144b0fb1e73d5ecccbe5363ec79009ca014df629'),
  ),
  language(
    'cs',
    'csharp',
    '.cs',
    5_000,
    deepseek('cs', '1c3fe18be10addc2d0b96311f4db192ae3232e08628d17768d889d6ab87be224'),
  ),
  language(
    'd',
    'd',
    '.d',
    15_000,
    deepseek('d', '226938c015f90d713a3e30d8f174f4a6d2c88820cf50512379a16890dda70332'),
  ),
  language(
    'go',
    'go',
    '_test.go',
    30_000,
    deepseek('go', '7f5dfe3ff001049b1221e9d21a8119b5cbc38eb87c97fefc5d57fa7adc1df888'),
  ),
  language(
    'java',
    'java',
    '.java',
    15_000,
    deepseek('java', 'b21b015763452ec4f9f4e0e6425148ec331ace4da1232c8b4d441186185f6265'),
  ),
  language(
    'jl',
    'julia',
    '.jl',
    5_000,
    deepseek('jl', 'ef21bd920889c9c1ab0e87a825cc26bd895e7a715f569f8ba7de577f870b6815'),
  ),
  language(
    'js',
    'javascript',
    '.js',
    5_000,
    deepseek('js', '634e2eee8d6e22de07c121b972207683dd96be76256bf44bdfc1a3386b739287'),
  ),
  language(
    'lua',
    'lua',
    '.lua',
    15_000,
    deepseek('lua', 'd2e91f3603f6aee63db2c2d5754d165397603a8c9bd6130842af7988b27a96fc'),
  ),
  language(
    'php',
    'php',
    '.php',
    15_000,
    deepseek('php', 'bebd86875b1d8e65a8b7e692ed7bdf64612b44aa388825ea4dab40c7047c786b'),
  ),
  language(
    'pl',
    'perl',
    '.pl',
    15_000,
    deepseek('pl', '949048bff3eaea7ae47cd5759042c088a7c227d53c74fe95a80728fd5aefbf77'),
  ),
  language('py', 'python', '.py', 15_000, {
    path: 'multipl-e/humaneval-reworded/humaneval-py.jsonl',
    url: `https://raw.githubusercontent.com/QwenLM/Qwen2.5-Coder/${QWEN_COMMIT}/qwencoder-eval/instruct/multipl_e/chat/data/humaneval/humaneval-py.jsonl`,
    sha256: 'bb7028f8a63e2990de7a7ee3faac58e6e7b99f7ad6b2132d256d7f913131bc31',
  }),
  language(
    'r',
    'r',
    '.r',
    5_000,
    deepseek('r', 'c2a3268ea54d2bfb8ce65bb2c808437ac0d9934c6caf99fcf75d6b6a4fb3f911'),
  ),
  language(
    'rb',
    'ruby',
    '.rb',
    5_000,
    deepseek('rb', '4204395b835019e32d55513325a0fad01c6d382fd1eb97b516f0458d00058302'),
  ),
  language(
    'rkt',
    'racket',
    '.rkt',
    15_000,
    deepseek('rkt', '083325daf55daf431ae6d6d17cf017afb18a6ec790d4c841b7c2b4752c5807ff'),
  ),
  language(
    'rs',
    'rust',
    '.rs',
    5_000,
    deepseek('rs', 'e33f562838e973b7e6b8d76dbc1fb84b076d7426629b4cdc624f12678778d2fa'),
  ),
  language(
    'scala',
    'scala',
    '.scala',
    15_000,
    deepseek('scala', '482b72a16613a563755d642e37792da68471399789b069fba5b1249e831445f3'),
  ),
  language(
    'sh',
    'shell',
    '.sh',
    15_000,
    deepseek('sh', '2f702106e9ce4aa7385de568d9248d6c57c90382d782b162cb9e072fbd01ccf8'),
  ),
  language(
    'swift',
    'swift',
    '.swift',
    5_000,
    deepseek('swift', 'e4418d6f532e4298969e727690cda80dc88b94e4abf836f8ff79ac18a737eaaa'),
  ),
  language(
    'ts',
    'typescript',
    '.ts',
    15_000,
    deepseek('ts', '4b1af1050c9f226335d54a8c80553c39454a525cace3e67bdcfcc9092ba02637'),
  ),
];

/**
 * MultiPL-E's names for its languages as they appear in the `language` field of problem and
 * completion files (`lua`, `racket`, `humaneval_to_dlang.py`, `go_test.go` …), mapped to
 * MultiPL-E codes. Codes map to themselves.
 */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  python: 'py',
  'notypes.py': 'py',
  javascript: 'js',
  typescript: 'ts',
  'c++': 'cpp',
  csharp: 'cs',
  'humaneval_to_dlang.py': 'd',
  dlang: 'd',
  'go_test.go': 'go',
  julia: 'jl',
  perl: 'pl',
  ruby: 'rb',
  racket: 'rkt',
  rust: 'rs',
  bash: 'sh',
};

/**
 * The MultiPL-E language for a code or a name found in MultiPL-E files (`lua`, `racket`,
 * `humaneval_to_dlang.py`), or undefined when it is not one of the 19.
 */
export function findMultiplELanguage(name: string): MultiplELanguage | undefined {
  const code = LANGUAGE_NAMES[name] ?? name;
  return MULTIPL_E_LANGUAGES.find((entry) => entry.code === code);
}
