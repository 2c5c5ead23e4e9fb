export {
  COMPLETION_SENTINEL,
  hasCompletionSentinel,
  withoutCompletionSentinel,
} from './completion-sentinel.ts';
export {
  EVALPLUS_CONFIG_FILE,
  type EvalPlusConfig,
  evalPlusConfigFile,
  readEvalPlusConfig,
} from './evalplus-config.ts';
