import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for Racket (see `HostileSuite`). */
export const RACKET_HOSTILE: HostileSuite = {
  language: 'racket',
  mainFile: 'main.rkt',
  prompt: '#lang racket\n\n;; Add two numbers x and y\n(define (add x y)\n',
  tests:
    '\n(require rackunit)\n\n(define (test-humaneval) \n\n  (let (( candidate add))\n    (check-equal? (candidate 2 3) 5)\n    (check-equal? (candidate 7 5) 12)\n))\n\n(test-humaneval)\n',
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '  (+ x y))', expected: 'passed' },
    { name: 'wrong answer', completion: '  (- x y))', expected: 'failed' },
    { name: 'syntax error', completion: '  (+ x y)))', expected: 'compile_error' },
    { name: 'unbound identifier', completion: '  (+ x yyy))', expected: 'compile_error' },
    {
      name: 'early exit 0',
      completion: '  (exit 0))',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'endless loop',
      completion: '  (let loop () (loop)))',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion: '  (let loop () (write-string (make-string 65536 #\\x)) (loop)))',
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion: '  (for/list ([i 64]) (make-bytes (expt 2 28)))\n  (+ x y))',
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: '  (let loop () (process "sleep 1000") (loop)))',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion: '  (when (getenv "PASSK_HOSTILE_SECRET") (error "secret visible"))\n  (+ x y))',
      expected: 'passed',
    },
  ],
};
