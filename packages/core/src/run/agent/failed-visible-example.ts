/**
 * The number (from 1) of the visible example a failing verdict's detail names, with what went
 * wrong (`add(2, 3) returned 6, expected 5`); undefined when the detail names none (the
 * program raised before or outside a check, or did not compile).
 */
export function failedVisibleExample(
  detail: string,
): { readonly example: number; readonly message: string } | undefined {
  const match = /example (\d+): (.*)$/s.exec(detail);
  return match ? { example: Number(match[1]), message: (match[2] as string).trim() } : undefined;
}
