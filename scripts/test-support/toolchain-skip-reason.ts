import { builtinLanguages } from '@passk/languages';

/**
 * Why tests that run programs of `languageId` (a built-in language id) cannot run on this
 * machine, or undefined when they can: no plugin of that id, or its toolchain not detected (a
 * fresh machine has only Python until `npm run setup -- --all`). Prints the reason, so that a
 * skip is never silent.
 */
export async function toolchainSkipReason(languageId: string): Promise<string | undefined> {
  const factory = (
    builtinLanguages as Record<
      string,
      (() => { detect(): Promise<{ available: boolean; problem?: string }> }) | undefined
    >
  )[languageId];
  const toolchain = factory === undefined ? undefined : await factory().detect();
  const reason =
    toolchain === undefined
      ? `no built-in language ${languageId}`
      : toolchain.available
        ? undefined
        : `${languageId} toolchain missing: ${toolchain.problem ?? 'not found'}`;
  if (reason !== undefined) console.warn(`skipped: ${reason}`);
  return reason;
}
