import type { NgError } from '../errors.js';

/** Where the CLI writes: overridable in tests. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Is stdout a terminal (readable summaries) or a pipe (JSON)? */
  outIsTty: boolean;
  /** Is stderr a terminal (progress bars)? */
  errIsTty: boolean;
}

/** The process's own stdout and stderr. */
export const processIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  outIsTty: Boolean(process.stdout.isTTY),
  errIsTty: Boolean(process.stderr.isTTY),
};

/** Keeps the worst exit code seen, so the process ends saying something failed. */
export class ExitStatus {
  code = 0;
  failed = 0;

  /** Prints one error line on stderr and remembers its exit code. */
  report(io: CliIo, e: NgError): void {
    this.failed++;
    io.err(`newsgraph: ${e.toLine()}\n`);
    if (this.code === 0 || e.exit > this.code) this.code = e.exit;
  }
}
