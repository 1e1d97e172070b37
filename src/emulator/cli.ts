import { parseArgs } from 'node:util';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from './constants.js';
import { startEmulator } from './startEmulator.js';

const HELP = `membrane-emulator: a local, offline stand-in for the Membrane (Integration.app) API

Usage: membrane-emulator [options]

Options:
  -p, --port <n>              Port to listen on (default 4010; 0 picks a free port)
      --host <host>           Interface to listen on (default 127.0.0.1)
      --workspace-key <key>   Workspace key tokens must carry as "iss" (default: the dev key)
      --workspace-secret <s>  Workspace secret, at least 32 bytes (default: the dev secret;
                              also read from MEMBRANE_EMULATOR_SECRET)
      --persist <file>        Keep customers and connections in this JSON file across restarts
  -h, --help                  Show this help

Then point the SDK or the kit at it:
  apiUri = http://127.0.0.1:4010, uiUri = http://127.0.0.1:4010/ui
  tokens: curl -X POST http://127.0.0.1:4010/_emulator/token -H 'content-type: application/json' -d '{"customerId":"demo-customer"}'
  faults: curl -X POST http://127.0.0.1:4010/_emulator/faults -d '{"latencyMs":500}'
`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'workspace-key': { type: 'string' },
        'workspace-secret': { type: 'string' },
        persist: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`membrane-emulator: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`membrane-emulator: --port must be an integer from 0 to 65535, got "${values.port}".`);
    process.exit(2);
  }
  const workspaceKey = values['workspace-key'] ?? EMULATOR_WORKSPACE_KEY;
  const workspaceSecret = values['workspace-secret'] ?? process.env.MEMBRANE_EMULATOR_SECRET ?? EMULATOR_WORKSPACE_SECRET;
  const emulator = await startEmulator({
    port,
    host: values.host,
    workspaceKey,
    workspaceSecret,
    ...(values.persist ? { persistTo: values.persist } : {}),
  });
  const devOnly = workspaceSecret === EMULATOR_WORKSPACE_SECRET;
  console.log(
    [
      `Membrane emulator listening on ${emulator.url}`,
      `  apiUri     ${emulator.apiUri}`,
      `  uiUri      ${emulator.uiUri}`,
      `  tokens     POST ${emulator.tokenUrl}`,
      `  faults     ${emulator.url}/_emulator/faults`,
      `  workspace  key "${workspaceKey}"${devOnly ? `, secret "${EMULATOR_WORKSPACE_SECRET}"` : ' (custom secret)'}`,
      devOnly ? '  DEV ONLY: this key and secret are public; never use them for a real Membrane workspace.' : '',
      values.persist ? `  state      ${values.persist}` : '  state      in memory (use --persist <file> to keep it)',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`membrane-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
