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

export async function connect(url: string): Promise<Chain> {
  const client = createClient(getWsProvider(url));
  const api = client.getTypedApi(rupee);
  const rpc = <T>(method: string, params: unknown[] = []) => client._request<T>(method, params);
  const name = await rpc<string>("system_chain");
  const type = await rpc<string | Record<string, unknown>>("system_chainType");
  const chainType = typeof type === "string" ? type : Object.keys(type)[0];
  return { client, api, name, chainType, rpc };
}

// The answers of the chain's own methods that the console reads (docs/rpc.md).

export type Supply = {
  totalIssuance: number | string;
  totalEscrowed: number | string;
  supplyCeiling: number | string;
  issuer: string | null;
};

export type Usage = {
  limits: Record<string, number | string>;
  dailyDebitUsed: number | string;
  dailyDebitLeft: number | string;
  monthlyDebitUsed: number | string;
  monthlyDebitLeft: number | string;
  dailyCreditUsed: number | string;
  monthlyCreditUsed: number | string;
  balanceRoom: number | string | null;
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

export type AccountAnswer = { free: number | string; escrowed: number | string; usage: Usage | null };

export type Revocations = {
  entries: { deviceKey: string; reason: string; since: number }[];
  next: string | null;
  digest: string;
};
