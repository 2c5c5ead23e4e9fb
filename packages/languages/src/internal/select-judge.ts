import { UnknownIdError } from '@passk/core';

/**
 * Returns `judge` when it is one of `known` (the verdict rules of language `language`).
 *
 * @throws UnknownIdError naming the known judges otherwise.
 */
export function selectJudge<J extends string>(
  language: string,
  judge: string,
  known: readonly J[],
): J {
  if ((known as readonly string[]).includes(judge)) return judge as J;
  throw new UnknownIdError({
    kind: `${language} judge`,
    requested: judge,
    known,
    hint: 'set Program.judge to one of them',
  });
}
