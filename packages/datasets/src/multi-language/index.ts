export {
  createMultiLanguageDataset,
  type MultiLanguageDatasetOptions,
} from './create-multi-language-dataset.ts';
export {
  createHumanEvalXMultiLanguageDataset,
  createMultiplEMultiLanguageDataset,
  type MultiLanguageSelection,
} from './multi-language-datasets.ts';
