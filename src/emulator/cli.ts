import { EMULATOR_WORKSPACE_SECRET } from './constants.js';
import { CliUsageError, parseCliOptions } from './parseCliOptions.js';
import { startEmulator } from './startEmulator.js';

const HELP = `membrane-emulator: a local, offline stand-in for the Membrane (Integration.app) API

Usage: membrane-emulator [options]

Options:
  -p, --port <n>              Port to listen on (default 4010; 0 picks a free port)
      --host <host>           Interface to listen on (default 127.0.0.1)
      --workspace-key <key>   Workspace key tokens must carry as "iss" (default: the dev key)
      --workspace-secret <s>  Workspace secret, at least 32 bytes (default: the dev secret;
                              also read from MEMBRANE_EMULATOR_SECRET)
      --public-key <pem-file> Public key (PEM) registered with the workspace, so tokens signed
                              with its private key verify: RS*/PS* for RSA, ES* for EC keys
      --seed <json-file>      Apps, customers and connections to start with, in the shape
                              startEmulator({ seed }) takes (default: the 16-app demo seed)
      --latency <ms>          Delay before every API answer (0 to 60000; default 0)
      --persist <file>        Keep customers and connections in this JSON file across restarts
      --allow-origin <origin> Let this browser origin call /_emulator/* (tokens, faults, reset);
                              repeatable. Own origin and localhost dev servers are always allowed
  -h, --help                  Show this help

Then point the SDK or the kit at it:
  apiUri = http://127.0.0.1:4010, uiUri = http://127.0.0.1:4010/ui
  tokens: curl -X POST http://127.0.0.1:4010/_emulator/token -H 'content-type: application/json' -d '{"customerId":"demo-customer"}'
  faults: curl -X POST http://127.0.0.1:4010/_emulator/faults -d '{"latencyMs":500}'
`;

async function main(): Promise<void> {
  let command;
  try {
    command = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`membrane-emulator: ${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (command.help) {
    console.log(HELP);
    return;
  }
  const { options, notes } = command;
  const emulator = await startEmulator(options);
  const devOnly = options.workspaceSecret === EMULATOR_WORKSPACE_SECRET;
  console.log(
    [
      `Membrane emulator listening on ${emulator.url}`,
      `  apiUri     ${emulator.apiUri}`,
      `  uiUri      ${emulator.uiUri}`,
      `  tokens     POST ${emulator.tokenUrl}`,
      `  faults     ${emulator.url}/_emulator/faults`,
      `  workspace  key "${options.workspaceKey}"${devOnly ? `, secret "${EMULATOR_WORKSPACE_SECRET}"` : ' (custom secret)'}`,
      devOnly ? '  DEV ONLY: this key and secret are public; never use them for a real Membrane workspace.' : '',
      ...notes,
      options.persistTo ? `  state      ${options.persistTo}` : '  state      in memory (use --persist <file> to keep it)',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const stop = (): void => {
    emulator.close().then(
      () => {
        // close() has written pending state by now, so the line also means "saved".
        console.log('Membrane emulator stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`membrane-emulator: could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`membrane-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
