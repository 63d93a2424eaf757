/**
 * The command line's grammar, built with commander from the commands' metadata alone (no SDK, no viem):
 * help, usage errors, negative numbers and shell completions cost only commander's start-up.
 */
import { Command as Commander, CommanderError, Option } from "commander";
import type { CommandInput, CommandMeta, OptionSpec, Role } from "./command.ts";
import { globalOptions, keyOptions, transactionOptions } from "./globals.ts";
import type { Io } from "./io.ts";
import { refuseNegative, UsageError } from "./usage.ts";

/** The version `ipool --version` prints. */
export const VERSION = "0.1.0";

/** Help sections, in order. */
export const ROLES: Role[] = [
  "staker",
  "dAPI user",
  "policy agent",
  "mediator",
  "arbitrator",
  "DAO",
  "anyone",
  "views",
  "devnet",
  "deployment",
];

/** What the parser selected: a command and its input, or nothing to run (help, version, completion). */
export type Parsed =
  | { kind: "run"; command: CommandMeta; input: CommandInput; json: boolean }
  | { kind: "done"; code: number };

function argumentTerm(argument: { name: () => string; required: boolean; variadic: boolean }) {
  const name = `${argument.name()}${argument.variadic ? "..." : ""}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

function flags(name: string, spec: OptionSpec): string {
  const value = spec.type === "string" ? ` ${spec.value ?? "<value>"}` : "";
  return `${spec.short ? `-${spec.short}, ` : ""}--${name}${value}`;
}

function addOptions(target: Commander, options: Record<string, OptionSpec>): void {
  for (const [name, spec] of Object.entries(options)) {
    target.addOption(new Option(flags(name, spec), spec.description));
  }
}

/** The values of a command's options and the global ones, keyed by their long names. */
function valuesOf(command: Commander, meta: CommandMeta): CommandInput["values"] {
  const opts = command.optsWithGlobals() as Record<string, string | boolean | undefined>;
  const values: CommandInput["values"] = {};
  const names = [
    ...Object.keys(globalOptions),
    ...Object.keys(keyOptions),
    ...Object.keys(meta.writes ? transactionOptions : {}),
    ...Object.keys(meta.options ?? {}),
  ];
  for (const name of names) {
    const key = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    if (opts[key] !== undefined) values[name] = opts[key];
  }
  return values;
}

/**
 * No argument or option of ipool is negative (amounts, USD, durations, ids): a negative number is refused
 * here in one line, naming what it was given for. Rest arguments (`propose`'s) are checked by the command.
 */
function refuseNegatives(command: Commander): void {
  command.registeredArguments.forEach((argument, index) => {
    const value = command.args[index];
    if (!argument.variadic && value !== undefined)
      refuseNegative(value, argument.name().split("|")[0] ?? argument.name());
  });
  for (const option of command.options) {
    const value = command.getOptionValue(option.attributeName());
    if (typeof value === "string") refuseNegative(value, option.long ?? option.name());
  }
}

/** The help of one command (or the whole program) as data, for `--help --json`. */
function helpData(target: Commander, metas: CommandMeta[]): Record<string, unknown> {
  const describe = (option: Option) => ({
    flags: option.flags,
    description: option.description,
  });
  if (target.parent) {
    const meta = metas.find((m) => m.name === target.name());
    return {
      command: target.name(),
      usage: `ipool ${target.name()} ${target.usage()}`,
      summary: meta?.summary,
      description: meta?.description,
      role: meta?.role,
      options: target.options.map(describe),
      globalOptions: (target.parent?.options ?? []).map(describe),
    };
  }
  return {
    usage: "ipool [options] <command> [arguments]",
    commands: metas.map((m) => ({
      name: m.name,
      role: m.role,
      summary: m.summary,
      usage: m.usage,
    })),
    globalOptions: target.options.map(describe),
  };
}

/**
 * Parses `argv` against the commands' metadata. Help, `--version` and `completion` are answered here;
 * usage errors (unknown command or option, missing or extra argument, option without its value) print
 * one line with a hint and resolve `{ kind: "done", code: 2 }`.
 */
export async function parse(argv: string[], metas: CommandMeta[], io: Io): Promise<Parsed> {
  const json = argv.includes("--json");
  let selected: Parsed | undefined;
  const printUsageError = (line: string) => {
    if (json) io.stdout(`${JSON.stringify({ error: line, type: "UsageError" }, null, 2)}\n`);
    else io.stderr(`error: ${line}\n`);
  };
  const program = new Commander("ipool")
    .description("Insurance Pool from the command line")
    .usage("[options] <command> [arguments]")
    .version(VERSION, "-V, --version", "the version")
    .helpOption("-h, --help", "help (with --json: as JSON)")
    .helpCommand("help [command]", "help on a command")
    .showSuggestionAfterError(true)
    .configureHelp({
      showGlobalOptions: true,
      // `stake <amount|all>`, without commander's `[options]`
      subcommandTerm: (cmd) => [cmd.name(), ...cmd.registeredArguments.map(argumentTerm)].join(" "),
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text) => printUsageError(text.replace(/^error: /, "").trimEnd()),
    });
  program.optionsGroup("Global options:");
  addOptions(program, globalOptions);
  addOptions(program, keyOptions);
  program.addHelpText("after", (context) =>
    context.command === program && !json
      ? "\nAmounts are in tokens: 250, 0.5, 1.5k, 2.5m; durations: 30d, 2w, 12h.\nRun `ipool <command> --help` for details; `ipool completion bash|zsh|fish` prints a completion script."
      : "",
  );

  for (const meta of metas) {
    const sub = program
      .command(meta.name)
      .summary(meta.summary)
      .description(meta.description ? `${meta.summary}\n\n${meta.description}` : meta.summary)
      .helpGroup(`${meta.role}:`)
      .showHelpAfterError(`(see ipool ${meta.name} --help)`);
    if (meta.usage) sub.arguments(meta.usage);
    sub.optionsGroup("Options:");
    addOptions(sub, meta.options ?? {});
    if (meta.writes) {
      sub.optionsGroup("Transaction options:");
      addOptions(sub, transactionOptions);
    }
    sub.action((...args: unknown[]) => {
      const command = args.at(-1) as Commander;
      refuseNegatives(command);
      selected = {
        kind: "run",
        command: meta,
        input: { values: valuesOf(command, meta), positionals: command.args },
        json,
      };
    });
  }

  program.commandsGroup("other:");
  program
    .command("completion")
    .summary("print a shell completion script (bash, zsh or fish)")
    .description(
      "Prints a completion script for ipool's commands and options.\n\nbash: ipool completion bash > ~/.local/share/bash-completion/completions/ipool\nzsh:  ipool completion zsh > ~/.zfunc/_ipool (with fpath+=~/.zfunc before compinit)\nfish: ipool completion fish > ~/.config/fish/completions/ipool.fish",
    )
    .argument("<shell>", "bash, zsh or fish")
    .action(async (shell: string) => {
      const { completionScript } = await import("./completion.ts");
      const script = completionScript(shell, program);
      if (script === undefined) {
        io.stderr(`error: unknown shell "${shell}": use bash, zsh or fish\n`);
        selected = { kind: "done", code: 2 };
        return;
      }
      io.stdout(script);
      selected = { kind: "done", code: 0 };
    });

  if (json) {
    // `--help --json`: the help as a JSON document instead of text.
    for (const target of [program, ...program.commands]) {
      target.helpInformation = () => `${JSON.stringify(helpData(target, metas), null, 2)}\n`;
    }
  }

  if (argv.length === 0 || (argv.length === 1 && json)) {
    io.stdout(program.helpInformation());
    return { kind: "done", code: 0 };
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof UsageError) {
      printUsageError(error.message);
      return { kind: "done", code: 2 };
    }
    if (!(error instanceof CommanderError)) throw error;
    const ok = ["commander.helpDisplayed", "commander.version"];
    return { kind: "done", code: ok.includes(error.code) ? 0 : 2 };
  }
  return selected ?? { kind: "done", code: 0 };
}
