import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Io, Spinner } from "./io.ts";

function capture(isTTY: boolean): { io: Io; err: () => string } {
  let err = "";
  return {
    io: { stdout: () => {}, stderr: (text) => (err += text), env: {}, isTTY, cwd: "/" },
    err: () => err,
  };
}

describe("Spinner", () => {
  it("animates on a terminal and clears its line when done", async () => {
    const { io, err } = capture(true);
    const spinner = new Spinner(io, true);
    spinner.start("waiting for 0xabc");
    await new Promise((resolve) => setTimeout(resolve, 200));
    spinner.stop();
    const frames = err().split("\r\x1b[2K").filter(Boolean);
    assert.ok(frames.length >= 2, `only ${frames.length} frames`);
    assert.match(frames[0] ?? "", /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting for 0xabc$/);
    assert.ok(err().endsWith("\r\x1b[2K"), "the line is cleared");
  });

  it("prints one line per wait when stderr is not a terminal, nothing when disabled", () => {
    const plain = capture(false);
    new Spinner(plain.io, true).start("waiting for 0xabc");
    assert.equal(plain.err(), "… waiting for 0xabc\n");
    const quiet = capture(true);
    const spinner = new Spinner(quiet.io, false);
    spinner.start("waiting");
    spinner.stop();
    assert.equal(quiet.err(), "");
  });
});
