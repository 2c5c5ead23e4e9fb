export { humanEvalXVisibleTests } from './humaneval-x-visible-tests.ts';
export {
  MULTIPL_E_VISIBLE_TEST_LANGUAGES,
  multiplEExamples,
  multiplEVisibleTests,
} from './multipl-e-visible-tests.ts';
export {
  humanEvalVisibleTests,
  mbppVisibleTests,
  pythonDocstringExamples,
} from './python-visible-tests.ts';
export {
  failedVisibleExample,
  type VisibleExample,
  type VisibleTestSet,
  type VisibleTests,
  visibleTestsOf,
} from './visible-tests.ts';
