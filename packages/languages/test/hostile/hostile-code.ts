import type { HostileContext } from '@passk/core/conformance';

/**
 * A string literal for C-like languages (and Python, Ruby, Lua, R, Racket, PHP, Perl, Julia):
 * JSON's escapes; an array of strings becomes JavaScript's (and Python's) array literal. The
 * commands below contain no `$`, `@`, backquote, `#{` or `\(`, so no language interpolates
 * anything in them.
 */
export const literal = (value: string | readonly string[]): string => JSON.stringify(value);

/**
 * A shell fork bomb in the background (its processes carry the marker in their command line),
 * for a language's `system()`: `/bin/sh -c 'b(){ b | b & }; b' <marker>`. With `delaySeconds`
 * it goes off that late: a runtime that creates threads right after starting a process (the
 * JVM's process reaper) would otherwise race the bomb for the process limit, and fail now
 * with one status, now with another.
 */
export const forkBombCommand = (context: HostileContext, delaySeconds?: number): string =>
  `/bin/sh -c '${delaySeconds === undefined ? '' : `sleep ${delaySeconds}; `}b(){ b | b & }; b' ${context.marker} >/dev/null 2>&1 &`;

/**
 * A daemon: a new session (`setsid`) running a shell loop that ignores SIGHUP, SIGINT and
 * SIGTERM and keeps the program's stdout and stderr open, started in the background; the
 * marker is its `$0`.
 */
export const daemonCommand = (context: HostileContext): string =>
  `setsid /bin/sh -c 'trap "" HUP INT TERM; while :; do sleep 1; done' ${context.marker} </dev/null &`;

/** Exits 0 only when bash can open a TCP connection to the suite's server on 127.0.0.1. */
export const connectCommand = (context: HostileContext): string =>
  `/bin/bash -c 'exec 3<>/dev/tcp/127.0.0.1/${context.port}' 2>/dev/null`;
