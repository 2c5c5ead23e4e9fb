import type { DataFileSpec } from '@passk/core';

/** The languages of HumanEval-X, as its file names spell them. */
export const HUMANEVAL_X_LANGUAGES = ['cpp', 'go', 'java', 'js', 'python', 'rust'] as const;
/** One of {@link HUMANEVAL_X_LANGUAGES}. */
export type HumanEvalXLanguage = (typeof HUMANEVAL_X_LANGUAGES)[number];

/** The THUDM/CodeGeeX commit the files are pinned to. */
export const HUMANEVAL_X_COMMIT = '2838420b7b4492cf3d16bce5320e26e65960c9e2';

const SHA256: Readonly<Record<HumanEvalXLanguage, string>> = {
  cpp: 'dcf2e280a1e91bbc3c5f90edb41397e8a9ac1ccc9f5d2b70082f0b0fbfb6dbb0',
  go: '09126ef64ac68f87296c5f3781186aedc5dec799b114d9df99d6de4a715a7830',
  java: '276f36db2eb7aeb864f36a19a2f4e1bb2460fb6e22ff100f0b5bedabe3799967',
  js: 'fe5d467f2c1a027b3f6f18d3729aca01f6458c1de2e2d1292a019c5aa9bed424',
  python: '5752fb122efddb0e9b47c77907ae6ce9a15aac4dea14e44c46032c831e6b987a',
  rust: 'ae5cabbbfc8fe25244a608b04f09ac3b324c645ac969dfc033756c12f0f9924c',
};

/** The problem file of one HumanEval-X language (164 problems), as released in THUDM/CodeGeeX. */
export function humanEvalXFile(language: HumanEvalXLanguage): DataFileSpec {
  return {
    path: `humaneval-x/humaneval_${language}.jsonl.gz`,
    url: `https://github.com/THUDM/CodeGeeX/raw/${HUMANEVAL_X_COMMIT}/codegeex/benchmark/humaneval-x/${language}/data/humaneval_${language}.jsonl.gz`,
    sha256: SHA256[language],
  };
}
