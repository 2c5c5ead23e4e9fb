/** One option line of a command's help. */
export interface HelpOption {
  /** The flag as typed, with its value placeholder: `-n N`, `--sandbox bwrap|none`. */
  readonly flag: string;
  /** What it does, in one short line. */
  readonly text: string;
  /** The value used when the flag is absent, when there is one worth saying. */
  readonly default?: string;
}

/** Options that belong together (what to run, model and sampling, execution, output). */
export interface HelpGroup {
  readonly title: string;
  readonly options: readonly HelpOption[];
}

/** A worked example: a comment and the command line. */
export interface HelpExample {
  readonly comment: string;
  readonly command: string;
}

/** Everything `passk <command> --help` prints. */
export interface CommandHelp {
  /** `passk <command> …` lines, the first being the common form. */
  readonly usage: readonly string[];
  /** What the command does, one line. */
  readonly summary: string;
  readonly groups: readonly HelpGroup[];
  readonly examples: readonly HelpExample[];
}
