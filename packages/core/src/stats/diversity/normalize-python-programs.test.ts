import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalExecutor } from '../../execution/local-executor.ts';
import { normalizePythonPrograms } from './normalize-python-programs.ts';

const python = '/usr/bin/python3';
const executor = createLocalExecutor({ concurrency: 1 });
afterAll(() => executor.close());

describe.skipIf(!existsSync(python))('normalizePythonPrograms (sandboxed ast.parse)', () => {
  it('gives one form to programs that differ in comments, layout, docstrings and local names', async () => {
    const forms = await normalizePythonPrograms(
      [
        "def f(a, b):\n    '''Sum.'''\n    total = a + b  # add\n    return total\n",
        'def f(x,y):\n    s = x+y\n    return s',
        'def f(x, y):\n    s = y + x\n    return s',
        'def f(x:\n',
        'def g(n):\n    def h(k):\n        return k * n\n    return [h(i) for i in range(n)]\n',
        'def g(m):\n    def h(j):\n        return j * m\n    return [h(q) for q in range(m)]\n',
        'def g(m):\n    return len(m)\n',
        'def g(m):\n    return sum(m)\n',
        // Never run: a program that would write a file or loop forever is only parsed.
        "open('/tmp/passk-normalize-marker', 'w').write('x')\nwhile True:\n    pass\n",
      ],
      { executor, toolchain: { available: true, path: python } },
    );
    expect(forms).toHaveLength(9);
    const [a, b, c, broken, nested, renamed, length, total, hostile] = forms ?? [];
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(broken).toBeNull();
    expect(renamed).toBe(nested);
    expect(length).not.toBe(total);
    expect(hostile).toMatch(/^[0-9a-f]{16}$/);
    expect(existsSync('/tmp/passk-normalize-marker')).toBe(false);
  }, 60_000);

  it('has no forms without a Python toolchain', async () => {
    expect(
      await normalizePythonPrograms(['x = 1'], { executor, toolchain: { available: false } }),
    ).toBeUndefined();
    expect(
      await normalizePythonPrograms([], { executor, toolchain: { available: false } }),
    ).toEqual([]);
  });
});
