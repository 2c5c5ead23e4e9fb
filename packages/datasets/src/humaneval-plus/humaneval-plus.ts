import type { DataFileSpec, Dataset } from '@passk/core';
import {
  createEvalPlusDataset,
  EVALPLUS_BASE_STOP_SEQUENCES,
  type EvalPlusDatasetOptions,
} from '../evalplus/create-evalplus-dataset.ts';

const RELEASE = 'https://github.com/evalplus/humanevalplus_release/raw';
const V0_1_10 = '200defce9e3429d28ca215b6dd061c0f7f31c18b';
const V0_1_9 = '68cd26d53a0dec69f85eafe1f82a2a74155a2bd6';

/** The HumanEval+ files passk knows, by variant. */
export const HUMANEVAL_PLUS_FILES = {
  /** v0.1.10, EvalPlus's default (164 tasks). */
  default: {
    path: 'humaneval-plus/HumanEvalPlus.jsonl.gz',
    url: `${RELEASE}/${V0_1_10}/HumanEvalPlus.jsonl.gz`,
    sha256: '272720b90ac375502c8ed23cd791c2a93dfb22a911641a494da74a426c09f101',
  },
  /** v0.1.10 Mini: a reduced plus set (`--mini`). */
  mini: {
    path: 'humaneval-plus/HumanEvalPlus-Mini.jsonl.gz',
    url: `${RELEASE}/${V0_1_10}/HumanEvalPlus-Mini.jsonl.gz`,
    sha256: '91486741f1627101021fbe50523df08eebb5b0bf5e804b633dcd5ca3c14dbd2f',
  },
  /** v0.1.10 NoExtreme: without extreme inputs (`--noextreme`). */
  noextreme: {
    path: 'humaneval-plus/HumanEvalPlus-NoExtreme.jsonl.gz',
    url: `${RELEASE}/${V0_1_10}/HumanEvalPlus-NoExtreme.jsonl.gz`,
    sha256: '298f79977b2663b8b8ab6b5fa50b17d6f23a92603d24f39e26203fe58c37eeda',
  },
  /** v0.1.9, the release many published 2024 results were scored against. */
  'v0.1.9': {
    path: 'humaneval-plus/v0.1.9/HumanEvalPlus.jsonl.gz',
    url: `${RELEASE}/${V0_1_9}/HumanEvalPlus.jsonl.gz`,
    sha256: 'e62f4130146963d969da64553f407a66e52d095adbfed4ee6733b4d59e14a3ed',
  },
} as const satisfies Record<string, DataFileSpec>;

/** A HumanEval+ variant: `default` (v0.1.10), `mini`, `noextreme` or `v0.1.9`. */
export type HumanEvalPlusVariant = keyof typeof HUMANEVAL_PLUS_FILES;

/** Options of {@link createHumanEvalPlusDataset}. */
export interface HumanEvalPlusOptions extends EvalPlusDatasetOptions {
  /** Which file (default `default`, v0.1.10). */
  readonly variant?: HumanEvalPlusVariant;
}

const IDS: Record<HumanEvalPlusVariant, string> = {
  default: 'humaneval-plus',
  mini: 'humaneval-plus-mini',
  noextreme: 'humaneval-plus-noextreme',
  'v0.1.9': 'humaneval-plus-v0.1.9',
};

const VERSIONS: Record<HumanEvalPlusVariant, string> = {
  default: 'v0.1.10',
  mini: 'v0.1.10-mini',
  noextreme: 'v0.1.10-noextreme',
  'v0.1.9': 'v0.1.9',
};

/**
 * HumanEval+ (EvalPlus): the 164 HumanEval problems with EvalPlus's extra inputs, scored as
 * `evalplus.evaluate --dataset humaneval` scores them (see `createEvalPlusDataset`). Ids:
 * `humaneval-plus` (v0.1.10), `humaneval-plus-mini`, `humaneval-plus-noextreme`,
 * `humaneval-plus-v0.1.9` (scored as in its time: a 1 s minimum per-input limit, for
 * reproducing 2024 reports).
 */
export function createHumanEvalPlusDataset(options: HumanEvalPlusOptions = {}): Dataset {
  const variant = options.variant ?? 'default';
  return createEvalPlusDataset(
    {
      id: IDS[variant],
      version: VERSIONS[variant],
      description: `HumanEval+ ${VERSIONS[variant]} (EvalPlus): HumanEval with ~80x more inputs, base and plus verdicts`,
      file: HUMANEVAL_PLUS_FILES[variant],
      kind: 'humaneval',
      stopSequences: [
        ...EVALPLUS_BASE_STOP_SEQUENCES,
        '\ndef ',
        '\nclass ',
        '\nimport ',
        '\nfrom ',
        '\nassert ',
      ],
      // v0.1.9 was scored while EvalPlus's minimum per-input limit was 1 s (until 2025-04).
      ...(variant === 'v0.1.9' ? { minTimeLimitMs: 1000 } : {}),
    },
    options,
  );
}
