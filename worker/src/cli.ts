import { type CliCommand, type CliContext, createCliContext } from "./cli/cli-context.ts";
import { pingCommand } from "./cli/ping-command.ts";
import { queuesCommand } from "./cli/queues-command.ts";
import { reprocessCommand } from "./cli/reprocess-command.ts";
import { sweepFacesCommand } from "./cli/sweep-faces-command.ts";
import { exitOnStartError, runWorkerProcess } from "./worker-process.ts";

/**
 * `npx node worker/src/cli.ts <command> [args]`. A command is one entry here and one file in
 * ./cli/. Exit code 0 on success, 1 on failure, 2 on bad usage.
 */
const commands: Record<string, CliCommand> = {
	run: {
		summary: "run a worker process until SIGINT/SIGTERM (same as worker/src/main.ts)",
		run: async () => {
			await runWorkerProcess();
			// The process now lives until a signal; runWorkerProcess exits it then.
			return new Promise<number>(() => {});
		},
	},
	queues: queuesCommand,
	ping: pingCommand,
	reprocess: reprocessCommand,
	"sweep-faces": sweepFacesCommand,
	help: {
		summary: "this list",
		run: async (_args, ctx) => {
			printHelp(ctx.print);
			return 0;
		},
	},
};

function printHelp(print: (line?: string) => void): void {
	print("usage: npx node worker/src/cli.ts <command> [args]   (needs DATABASE_URL)");
	print();
	const width = Math.max(...Object.entries(commands).map(([name, c]) => `${name} ${c.usage ?? ""}`.length));
	for (const [name, command] of Object.entries(commands)) {
		print(`  ${`${name} ${command.usage ?? ""}`.padEnd(width)}  ${command.summary}`);
	}
}

async function main(argv: string[]): Promise<number> {
	const [name = "help", ...args] = argv;
	const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
	if (!command) {
		process.stderr.write(`unknown command "${name}"\n\n`);
		printHelp((line = "") => process.stderr.write(`${line}\n`));
		return 2;
	}
	if (name === "help") {
		printHelp((line = "") => process.stdout.write(`${line}\n`));
		return 0;
	}
	let ctx: CliContext | undefined;
	try {
		ctx = createCliContext();
		return await command.run(args, ctx);
	} finally {
		await ctx?.close();
	}
}

main(process.argv.slice(2)).then((code) => process.exit(code), exitOnStartError);
