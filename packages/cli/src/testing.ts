/**
 * `passk/testing`: tools for plugin authors. The fake model server (an OpenAI/Anthropic-shaped
 * HTTP server answering from a table), and the conformance kits of a language plugin
 * (`checkLanguage`) and of a dataset plugin (`checkDataset`).
 */
export {
  type FakeAnswer,
  type FakeModelServer,
  type FakeModelServerOptions,
  type FakeRequest,
  startFakeModelServer,
} from '@passk/providers/test';
export {
  type CheckDatasetOptions,
  checkDataset,
  type DatasetCheck,
  type MustFailControl,
} from './testing/check-dataset.ts';
export {
  type CheckLanguageOptions,
  checkLanguage,
  type LanguageCheck,
  type LanguageProbes,
} from './testing/check-language.ts';
