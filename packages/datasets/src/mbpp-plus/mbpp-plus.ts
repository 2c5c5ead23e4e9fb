import type { DataFileSpec, Dataset } from '@passk/core';
import {
  createEvalPlusDataset,
  EVALPLUS_BASE_STOP_SEQUENCES,
  type EvalPlusDatasetOptions,
} from '../evalplus/create-evalplus-dataset.ts';

const RELEASE = 'https://github.com/evalplus/mbppplus_release/raw';
const V0_2_0 = 'dadf43da556a00f7bacd71cb154f2932757d9144';
const V0_1_0 = 'f995b084ce4658b7647d6f4a91cd93626faeee75';

/** The MBPP+ files passk knows, by variant. */
export const MBPP_PLUS_FILES = {
  /** v0.2.0, EvalPlus's default (378 tasks, broken ones removed). */
  default: {
    path: 'mbpp-plus/MbppPlus.jsonl.gz',
    url: `${RELEASE}/${V0_2_0}/MbppPlus.jsonl.gz`,
    sha256: 'af43697e8791c4c149bdfd6b489d8b5412507551ac20e28a439f650b8225db63',
  },
  /** v0.2.0 NoExtreme: without extreme inputs (`--noextreme`). */
  noextreme: {
    path: 'mbpp-plus/MbppPlus-NoExtreme.jsonl.gz',
    url: `${RELEASE}/${V0_2_0}/MbppPlus-NoExtreme.jsonl.gz`,
    sha256: '72d32acaea73d5606cb97041b30d45bbda9435a675369d3e31965513ee94e564',
  },
  /** v0.1.0, the first release (399 tasks), used by many published 2024 results. */
  'v0.1.0': {
    path: 'mbpp-plus/v0.1.0/MbppPlus.jsonl.gz',
    url: `${RELEASE}/${V0_1_0}/MbppPlus.jsonl.gz`,
    sha256: '57d639e77667d88930052b2b07212011c25c0bab94dfc1f19d15e1f7f558bfa9',
  },
} as const satisfies Record<string, DataFileSpec>;

/** An MBPP+ variant: `default` (v0.2.0), `noextreme` or `v0.1.0`. */
export type MbppPlusVariant = keyof typeof MBPP_PLUS_FILES;

/** Options of {@link createMbppPlusDataset}. */
export interface MbppPlusOptions extends EvalPlusDatasetOptions {
  /** Which file (default `default`, v0.2.0). */
  readonly variant?: MbppPlusVariant;
}

const IDS: Record<MbppPlusVariant, string> = {
  default: 'mbpp-plus',
  noextreme: 'mbpp-plus-noextreme',
  'v0.1.0': 'mbpp-plus-v0.1.0',
};

const VERSIONS: Record<MbppPlusVariant, string> = {
  default: 'v0.2.0',
  noextreme: 'v0.2.0-noextreme',
  'v0.1.0': 'v0.1.0',
};

/**
 * MBPP+ (EvalPlus): sanitized MBPP problems with EvalPlus's extra inputs, scored as
 * `evalplus.evaluate --dataset mbpp` scores them, including MBPP's special oracles (see
 * `createEvalPlusDataset`). Ids: `mbpp-plus` (v0.2.0), `mbpp-plus-noextreme`,
 * `mbpp-plus-v0.1.0` (scored as in its time: the MBPP+ v0.1.0 oracles and a 1 s minimum
 * per-input limit, for reproducing 2024 reports).
 */
export function createMbppPlusDataset(options: MbppPlusOptions = {}): Dataset {
  const variant = options.variant ?? 'default';
  return createEvalPlusDataset(
    {
      id: IDS[variant],
      version: VERSIONS[variant],
      description: `MBPP+ ${VERSIONS[variant]} (EvalPlus): sanitized MBPP with ~35x more inputs, base and plus verdicts`,
      file: MBPP_PLUS_FILES[variant],
      kind: 'mbpp',
      stopSequences: [...EVALPLUS_BASE_STOP_SEQUENCES, '\n"""', '\nassert'],
      // EvalPlus added set equality (8 tasks) and the Mbpp/558 and /581 oracles with v0.2.0.
      mbppOracles: variant === 'v0.1.0' ? 'v0.1.0' : 'v0.2.0',
      // v0.1.0 was scored while EvalPlus's minimum per-input limit was 1 s (until 2025-04).
      ...(variant === 'v0.1.0' ? { minTimeLimitMs: 1000 } : {}),
    },
    options,
  );
}
