/**
 * What bubblewrap reported on its `--json-status-fd` / `--info-fd`: the sandbox's first
 * process (`child-pid`, a host pid), its PID namespace, and the command's exit code, which
 * bwrap writes only when the command was started and ran to its end (a sandbox that failed
 * to set up, or a command that could not be executed, leaves it out).
 */
export class BwrapStatus {
  private text = '';

  /** Adds a chunk read from the status descriptor. */
  push(chunk: Buffer | string): void {
    if (this.text.length < 65536) this.text += chunk.toString();
  }

  /** Host pid of the sandbox's first process, once reported. */
  get childPid(): number | undefined {
    return this.number('child-pid');
  }

  /** Inode number of the sandbox's PID namespace, once reported. */
  get pidNamespace(): number | undefined {
    return this.number('pid-namespace');
  }

  /**
   * The command's exit status as bwrap reports it (128 + n when it was killed by signal n),
   * or undefined when the command never ran to its end.
   */
  get exitCode(): number | undefined {
    return this.number('exit-code');
  }

  private number(field: string): number | undefined {
    const match = new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(this.text);
    return match === null ? undefined : Number(match[1]);
  }
}
