/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (animated spinner) or not (one line per wait). */
  isTTY: boolean;
  cwd: string;
  /** Asks a question on the terminal without echoing the answer (passwords); absent without a terminal. */
  prompt?: (question: string) => Promise<string>;
}

/** Reads one line from a terminal without echoing it. */
async function hiddenPrompt(question: string): Promise<string> {
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  let asked = false;
  output._writeToOutput = (text: string) => {
    // Show the question once, then nothing of what is typed.
    if (!asked) process.stderr.write(text);
    asked = true;
  };
  try {
    return await new Promise((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}

/** The real process's streams and environment. */
export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    ...(process.stdin.isTTY ? { prompt: hiddenPrompt } : {}),
  };
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * A progress indicator on stderr while a receipt is awaited: animated on a terminal, a single line
 * otherwise, silent when `enabled` is false (`--json`).
 */
export class Spinner {
  #timer: ReturnType<typeof setInterval> | undefined;
  #frame = 0;
  #text = "";

  constructor(
    private readonly io: Io,
    private readonly enabled: boolean,
  ) {}

  start(text: string): void {
    if (!this.enabled) return;
    this.stop();
    this.#text = text;
    if (!this.io.isTTY) {
      this.io.stderr(`… ${text}\n`);
      return;
    }
    this.#render();
    this.#timer = setInterval(() => this.#render(), 80);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) {
      clearInterval(this.#timer);
      this.#timer = undefined;
      this.io.stderr("\r\x1b[2K");
    }
  }

  #render(): void {
    this.#frame = (this.#frame + 1) % FRAMES.length;
    this.io.stderr(`\r\x1b[2K${FRAMES[this.#frame]} ${this.#text}`);
  }
}
