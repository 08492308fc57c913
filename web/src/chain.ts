// The connection to one node: PAPI's client and typed API over the node's WebSocket JSON-RPC,
// and the chain's own `rupee_*`, `kyc_*` and `vouchers_*` methods (docs/rpc.md).

import { rupee } from "@polkadot-api/descriptors";
import { createClient, type PolkadotClient, type TypedApi } from "polkadot-api";
import { getWsProvider } from "polkadot-api/ws";

export type RupeeApi = TypedApi<typeof rupee>;

/** Where the console connects: `?rpc=ws://host:port` in the page's address, else a local node. */
export function endpoint(): string {
  const given = new URLSearchParams(location.search).get("rpc");
  return given ?? "ws://127.0.0.1:9944";
}

export type Chain = {
  client: PolkadotClient;
  api: RupeeApi;
  /** `system_chain`, e.g. "Digital Rupee Development". */
  name: string;
  /** `system_chainType`: "Development", "Local" or "Live". */
  chainType: string;
  /** The chain's own JSON-RPC methods, by name. */
  rpc: <T>(method: string, params?: unknown[]) => Promise<T>;
};

/** How long the console waits for the node's first answer before saying it cannot reach it. */
const CONNECT_MS = 15_000;

export async function connect(url: string): Promise<Chain> {
  const client = createClient(getWsProvider(url));
  const api = client.getTypedApi(rupee);
  const rpc = <T>(method: string, params: unknown[] = []) => client._request<T>(method, params);
  // The provider keeps retrying an unreachable node; the page says so instead of waiting.
  const name = await Promise.race([
    rpc<string>("system_chain"),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${CONNECT_MS / 1000} s`)), CONNECT_MS),
    ),
  ]).catch((error) => {
    client.destroy();
    throw error;
  });
  const type = await rpc<string | Record<string, unknown>>("system_chainType");
  const chainType = typeof type === "string" ? type : Object.keys(type)[0];
  return { client, api, name, chainType, rpc };
}

// The answers of the chain's own methods that the console reads (docs/rpc.md): amounts are
// decimal strings of paisa, and "no limit" is null.

export type Supply = {
  totalIssuance: string;
  totalEscrowed: string;
  supplyCeiling: string;
  issuer: string | null;
};

export type Usage = {
  limits: Record<string, string | number | null>;
  dailyDebitUsed: string;
  dailyDebitLeft: string | null;
  monthlyDebitUsed: string;
  monthlyDebitLeft: string | null;
  dailyCreditUsed: string;
  monthlyCreditUsed: string;
  balanceRoom: string | null;
};

export type KycStatus = {
  provider: string;
  tier: string;
  expiresAt: number;
  status: string;
  expired: boolean;
  frozen: boolean;
  linkedBank: string | null;
  usage: Usage;
};

export type AccountAnswer = { free: string; escrowed: string; usage: Usage | null };

export type Revocations = {
  entries: { deviceKey: string; reason: string; since: number }[];
  next: string | null;
  digest: string;
};

/** JSON-RPC's "invalid params" code: the node refused an argument (not an address, not a key). */
export const INVALID_PARAMS = -32602;

/** The node's reason for refusing a call, and whether it was the argument's fault. */
export function rpcError(error: unknown): { invalidArgument: boolean; reason: string } {
  const e = error as { code?: number; data?: unknown; message?: string };
  const reason = typeof e?.data === "string" ? e.data : (e?.message ?? String(error));
  return { invalidArgument: e?.code === INVALID_PARAMS, reason };
}
