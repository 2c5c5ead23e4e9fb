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
