// The Rust half (web-wallet/wasm, built into pkg/ by scripts/build-web-wallet.sh): the voucher,
// purse-proof, key and wallet-state code the CLI and the chain run, compiled to WebAssembly.
// Everything crosses as strings: amounts are paisa in decimal, bytes 0x-hex, the wallet's state
// the JSON the CLI writes to wallet.json.

import init, * as wasm from "../pkg/rupee_web_wasm.js";

export { wasm };

/** Loads the WebAssembly module once (from the service worker's cache when offline). */
export const ready: Promise<unknown> = init();

/** A refusal from the Rust side: a stable code, figures for its sentence, English text. */
export type Refusal = { ok: false; code: string; params?: Record<string, string | number>; sentence?: string };

/** Thrown errors carry `Code: detail`; this splits them. */
export function thrownCode(error: unknown): { code: string; detail: string } {
  const text = error instanceof Error ? error.message : String(error);
  const at = text.indexOf(":");
  return at > 0 ? { code: text.slice(0, at), detail: text.slice(at + 1).trim() } : { code: "Error", detail: text };
}

/** The wallet's state as rupee-wallet-core keeps it (the parts the app reads). */
export type WalletState = {
  nextCounter?: number;
  genesisHash?: string | null;
  certificate?: string | null;
  proof?: string | null;
  tier?: string | null;
  synced_at?: number | null;
  syncedAt?: number | null;
  sent?: {
    voucher: string;
    counter: number;
    payee: string;
    amount: string | number;
    redeemed: boolean;
    receipt?: string;
  }[];
  received?: { voucher: string; counter: number; amount: string | number; receivedAt: number; status: unknown }[];
  deviceKey?: string;
  accountAddress?: string;
  [key: string]: unknown;
};

/** Key files a new or imported wallet gets. */
export type NewKeys = {
  address: string;
  accountKey: string;
  deviceKey: string;
  account: object;
  device: object;
  words?: string;
};
