import { createBcEmulator, type BcEmulator, type BcEmulatorSettings, type BcListening } from '../sandbox/bc';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorSettings, type ListeningGraphEmulator } from '../sandbox/graph';
import { SANDBOX_COMPANY_ID, type SandboxData } from '../sandbox/seed';
import { BookingsClient, BusinessCentralClient, StaticTokenProvider } from '../service/clients';

const TOKEN = 'bench-token';
const tokenProvider = new StaticTokenProvider(TOKEN);

export interface RunningGraph {
  emulator: GraphEmulator;
  client: BookingsClient;
  close(): Promise<void>;
}

export interface RunningBc {
  emulator: BcEmulator;
  client: BusinessCentralClient;
  close(): Promise<void>;
}

/** The Graph emulator on a free loopback port with the product's client pointed at it. */
export async function startGraph(data: SandboxData, settings: Partial<GraphEmulatorSettings> = {}): Promise<RunningGraph> {
  const emulator = createGraphEmulator(data.bookings, { token: TOKEN, ...settings });
  const server: ListeningGraphEmulator = await emulator.listen();
  return { emulator, client: new BookingsClient({ baseUrl: server.baseUrl, tokenProvider }), close: () => server.close() };
}

/** The Business Central emulator on a free loopback port with the product's client pointed at it. */
export async function startBc(data: SandboxData, settings: Partial<BcEmulatorSettings> = {}): Promise<RunningBc> {
  const emulator = createBcEmulator(data.bc, { token: TOKEN, ...settings });
  const server: BcListening = await emulator.listen();
  const client = new BusinessCentralClient({ apiBaseUrl: server.apiBaseUrl, companyId: SANDBOX_COMPANY_ID, tokenProvider });
  return { emulator, client, close: () => server.close() };
}
