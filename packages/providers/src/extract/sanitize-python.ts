import { type PythonChunk, pythonChunks } from './python-chunks.ts';

const IDENTIFIER = /[A-Za-z_]\w*/g;

/**
 * EvalPlus-style sanitizing of a whole Python program: keeps imports, and the definitions
 * and top-level assignments reachable from `entryPoint` through identifier references (first
 * definition of a name wins); drops top-level test code, prints and `if __name__ ==
 * "__main__":` blocks. Imports come first, then definitions in source order. Undefined
 * when the program does not define `entryPoint`.
 *
 * Then adds what the problem's prompt provides and the program lacks: the prompt's imports
 * and its other definitions (helpers such as HumanEval/38's `encode_cyclic`, which the tests
 * call), so a program that reuses them without copying them still runs; the program's own
 * definition of such a helper wins.
 */
export function sanitizePython(
  code: string,
  entryPoint: string,
  prompt: string,
): string | undefined {
  const chunks = pythonChunks(code);
  const definitions = new Map<string, PythonChunk>();
  for (const chunk of chunks) {
    if (
      (chunk.kind === 'definition' || chunk.kind === 'assignment') &&
      chunk.name &&
      !definitions.has(chunk.name)
    )
      definitions.set(chunk.name, chunk);
  }
  if (definitions.get(entryPoint)?.kind !== 'definition') return undefined;

  const promptChunks = pythonChunks(prompt);
  for (const chunk of promptChunks) {
    if (
      chunk.kind === 'definition' &&
      chunk.name &&
      chunk.name !== entryPoint &&
      !definitions.has(chunk.name)
    )
      definitions.set(chunk.name, chunk);
  }

  // Roots: the entry point, and every helper the prompt defines (tests may call them).
  const roots = [
    entryPoint,
    ...promptChunks.flatMap((chunk) =>
      chunk.kind === 'definition' && chunk.name && chunk.name !== entryPoint ? [chunk.name] : [],
    ),
  ];
  const reachable = new Set<string>(roots);
  const pending = [...roots];
  while (pending.length > 0) {
    const chunk = definitions.get(pending.pop() as string);
    for (const [name] of (chunk?.text ?? '').matchAll(IDENTIFIER)) {
      if (!reachable.has(name) && definitions.has(name)) {
        reachable.add(name);
        pending.push(name);
      }
    }
  }

  const imports = new Set<string>();
  for (const chunk of [...promptChunks, ...chunks])
    if (chunk.kind === 'import') imports.add(chunk.text);
  const fromPrompt = promptChunks.filter(
    (chunk) => chunk.name && reachable.has(chunk.name) && definitions.get(chunk.name) === chunk,
  );
  const fromCode = chunks.filter(
    (chunk) => chunk.name && reachable.has(chunk.name) && definitions.get(chunk.name) === chunk,
  );
  return [...imports, ...[...fromPrompt, ...fromCode].map((chunk) => chunk.text)]
    .join('\n\n')
    .concat('\n');
}
