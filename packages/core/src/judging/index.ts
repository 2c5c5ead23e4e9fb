export {
  COMPLETION_SENTINEL,
  hasCompletionSentinel,
  withoutCompletionSentinel,
} from './completion-sentinel.ts';
