// The online half: one node's WebSocket JSON-RPC through polkadot-api, typed by the metadata the
// CLI is built from (wallet/metadata/rupee.scale), and the chain's own `rupee_*`, `kyc_*` and
// `vouchers_*` methods (docs/rpc.md). Transactions are signed inside the WebAssembly module
// with the unlocked account key; the app never holds a secret in JavaScript.

import { rupee } from "@polkadot-api/descriptors";
import {
  createClient,
  type PolkadotClient,
  type PolkadotSigner,
  type TxFinalizedPayload,
  type TypedApi,
} from "polkadot-api";
import { getPolkadotSigner, withMetadataHash } from "polkadot-api/signer";
import { getWsProvider } from "polkadot-api/ws";
import { wasm } from "./core";

export type Api = TypedApi<typeof rupee>;

export type Chain = {
  /** The node's address (ws://…): what a confirmation names and what is remembered. */
  url: string;
  client: PolkadotClient;
  api: Api;
  rpc: <T>(method: string, params?: unknown[]) => Promise<T>;
};

/** How long the app waits for a node's first answer. */
const CONNECT_MS = 10_000;
/** How long a transaction may take to be final before the app says it does not know yet. */
const FINALITY_MS = 90_000;
/** How long one JSON-RPC answer may take: a node that stops answering never stalls the app. */
export const RPC_MS = 30_000;
/** The most pages of the revocation list read (1,000 entries each): a node that keeps saying
 * "more" is refused. */
const MAX_PAGES = 1_000;

/** The node a wallet talks to when nothing says otherwise. */
export const DEFAULT_NODE = "ws://127.0.0.1:9944";

/**
 * The node the app talks to: the one it used before (at first, the local one); a link that names
 * another one (`?rpc=ws://…`), also on the first visit, is followed only if the person agrees
 * (`ask`), since a node it syncs with tells it the validators, the revocation list and which
 * payments were made.
 */
export function endpoint(saved: string | undefined, ask: (url: string) => boolean): string {
  const known = saved ?? DEFAULT_NODE;
  const given = new URLSearchParams(location.search).get("rpc");
  if (!given || given === known) return known;
  return ask(given) ? given : known;
}

export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms),
    ),
  ]);
}

export async function connect(url: string): Promise<Chain> {
  const client = createClient(getWsProvider(url));
  const rpc = <T>(method: string, params: unknown[] = []) => within(RPC_MS, method, client._request<T>(method, params));
  try {
    await within(CONNECT_MS, url, rpc<string>("system_chain"));
  } catch (error) {
    client.destroy();
    throw error;
  }
  return { url, client, api: client.getTypedApi(rupee), rpc };
}

export type Usage = { dailyDebitLeft: string | null; monthlyDebitLeft: string | null };
export type AccountAnswer = { free: string; escrowed: string; usage: Usage | null };

export function account(chain: Chain, address: string): Promise<AccountAnswer> {
  return chain.rpc<AccountAnswer>("rupee_account", [address]);
}

type Header = { number: string };

/** Everything a sync reads, at one finalized block, for `wasm.applySync`. */
export async function syncAnswers(chain: Chain, state: string, address: string, deviceKey: string): Promise<string> {
  const { rpc } = chain;
  const genesisHash = await rpc<string>("chain_getBlockHash", [0]);
  const at = await rpc<string>("chain_getFinalizedHead");
  const header = await rpc<Header>("chain_getHeader", [at]);
  const chainTime = Number(await within(RPC_MS, "Timestamp.Now", chain.api.query.Timestamp.Now.getValue({ at })));
  const attesters = await rpc<unknown>("vouchers_attesters", [at]);
  const status = await rpc<{ tier: string } | null>("kyc_accountStatus", [address, at]);
  const purse = await rpc<unknown>("vouchers_purse", [deviceKey, at]);
  const proof = purse ? await rpc<{ proof: string } | null>("vouchers_purseProof", [deviceKey]) : null;
  const check = JSON.parse(wasm.vouchersToCheck(state)) as { sent: string[]; received: string[] };
  const statusOf = async (voucher: string) => (await rpc<{ status: string }>("vouchers_status", [voucher, at])).status;
  const sentPaid: string[] = [];
  for (const voucher of check.sent) {
    if (["Redeemed", "DoubleSpend"].includes(await statusOf(voucher))) sentPaid.push(voucher);
  }
  const receivedRedeemed: string[] = [];
  for (const voucher of check.received) {
    if ((await statusOf(voucher)) === "Redeemed") receivedRedeemed.push(voucher);
  }
  const revoked: string[] = [];
  let startAfter: string | null = null;
  let digest = "";
  let pages = 0;
  do {
    if (++pages > MAX_PAGES) throw new Error(`BadAnswer: the revocation list does not end after ${MAX_PAGES} pages`);
    type Page = { entries: { deviceKey: string }[]; next: string | null; digest: string };
    const page: Page = await rpc<Page>("vouchers_revocations", [at, startAfter, null]);
    revoked.push(...page.entries.map((entry) => entry.deviceKey));
    startAfter = page.next;
    digest = page.digest;
  } while (startAfter);
  return JSON.stringify({
    genesisHash,
    finalizedNumber: parseInt(header.number, 16),
    chainTime,
    attesters,
    tier: status?.tier ?? null,
    purse,
    proof: proof?.proof ?? null,
    sentPaid,
    receivedRedeemed,
    revoked,
    digest,
  });
}

/** The chain's token, as its metadata hash commits to it (runtime/src/lib.rs). */
const TOKEN = { decimals: 2, tokenSymbol: "PKR" };

/**
 * The signer of the unlocked account `handle`. It signs with `CheckMetadataHash` (RFC 78): the
 * signature covers the hash of the metadata the transaction was encoded with, and the runtime
 * refuses it unless that is its own metadata. A node that serves altered metadata (to turn a
 * payment into another call) gets transactions no validator accepts.
 */
export function signer(handle: number, accountKey: string): PolkadotSigner {
  const toHex = (bytes: Uint8Array) => "0x" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const fromHex = (hex: string) => Uint8Array.from(hex.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16));
  return withMetadataHash(
    TOKEN,
    getPolkadotSigner(fromHex(accountKey), "Sr25519", async (payload) =>
      fromHex(wasm.signWithAccount(handle, toHex(payload))),
    ),
  );
}

/**
 * What became of a transaction: final (with its events), refused (and why), or `unknown`: sent,
 * but not final in time; it may still be included.
 */
export type Outcome =
  { ok: true; block: number; events: TxFinalizedPayload["events"] } | { ok: false; reason: string; unknown?: boolean };

type Submittable = {
  signSubmitAndWatch: (signer: PolkadotSigner) => { subscribe: (o: object) => { unsubscribe(): void } };
};

/**
 * Why the pool refused a transaction, as the chain names it: `Invalid.Custom(7)` (the gate's
 * code, docs/rpc.md), `Invalid.BadProof`, … or the node's message.
 */
function poolReason(error: unknown): string {
  const invalid = (error as { error?: { type?: string; value?: { type?: string; value?: unknown } } })?.error;
  if (invalid?.type && invalid.value?.type) {
    const detail = invalid.value.value === undefined ? "" : `(${String(invalid.value.value)})`;
    return `${invalid.type}.${invalid.value.type}${detail}`;
  }
  const e = error as { message?: string; data?: unknown };
  return typeof e?.data === "string" ? e.data : (e?.message ?? String(error));
}

/** The reason of a dispatch error: `Pallet.Error`, as the chain names it. */
function dispatchReason(error: unknown): string {
  const e = error as { type?: string; value?: { type?: string; value?: { type?: string } } };
  if (e?.type === "Module" && e.value?.type) return `${e.value.type}.${e.value.value?.type ?? "?"}`;
  return e?.type ?? JSON.stringify(error);
}

/** Sign `tx`, submit it and wait for finality, telling `progress` each step. */
export async function submit(
  tx: Submittable,
  by: PolkadotSigner,
  progress: (block?: number) => void,
): Promise<Outcome> {
  progress();
  let subscription: { unsubscribe(): void } | undefined;
  try {
    const final = await within(
      FINALITY_MS,
      "finality",
      new Promise<TxFinalizedPayload>((resolve, reject) => {
        subscription = tx.signSubmitAndWatch(by).subscribe({
          next: (event: { type: string; found?: boolean; block?: { number: number } }) => {
            if (event.type === "txBestBlocksState" && event.found) progress(event.block?.number);
            if (event.type === "finalized") resolve(event as unknown as TxFinalizedPayload);
          },
          error: reject,
        });
      }),
    );
    if (!final.ok) return { ok: false, reason: dispatchReason(final.dispatchError) };
    return { ok: true, block: final.block.number, events: final.events };
  } catch (error) {
    // Refused only when the pool said so; a timeout or a dropped connection leaves it unknown:
    // the transaction may be in a block already.
    const invalid = (error as { error?: { type?: string } })?.error?.type;
    if (invalid) return { ok: false, reason: poolReason(error) };
    return { ok: false, reason: error instanceof Error ? error.message : String(error), unknown: true };
  } finally {
    subscription?.unsubscribe();
  }
}

type Event = { type: string; value: { type: string; value: Record<string, unknown> } };

/** What one redeem transaction did to each voucher, from its events. */
export async function redemptions(
  chain: Chain,
  events: unknown[],
  submitted: { text: string; body: { deviceKey: string; counter: number } }[],
): Promise<{ paid: bigint; records: { deviceKey: string; counter: number; status: unknown }[] }> {
  let paid = 0n;
  const records: { deviceKey: string; counter: number; status: unknown }[] = [];
  for (const event of events as Event[]) {
    if (event.type !== "Vouchers") continue;
    const { type, value } = event.value;
    const deviceKey = String(value.device_key);
    const counter = Number(value.counter);
    if (type === "VoucherRedeemed") {
      paid += BigInt(value.amount as bigint);
      records.push({ deviceKey, counter, status: "redeemed" });
    } else if (type === "DuplicateIgnored") {
      records.push({ deviceKey, counter, status: "redeemed" });
    } else if (type === "VictimCompensated") {
      const now =
        BigInt(value.from_escrow as bigint) +
        BigInt(value.from_balance as bigint) +
        BigInt(value.from_reserve as bigint);
      paid += now;
      const claimed = BigInt(value.amount as bigint) - now;
      records.push({ deviceKey, counter, status: { compensated: { paid: Number(now), claimed: Number(claimed) } } });
    } else if (type === "VoucherRefused") {
      // The node's words for the refusal: its name, stable code, and whether it may pass later.
      const voucher = submitted.find((v) => v.body.deviceKey === deviceKey && v.body.counter === counter);
      type Check = { reason: string | null; code: number | null; retryable: boolean | null };
      // Only words for the refusal: if the node does not answer, it stays retryable.
      const check = voucher ? await chain.rpc<Check>("vouchers_check", [voucher.text]).catch(() => null) : null;
      const reason = (value.reason as { type?: string })?.type ?? check?.reason ?? "Refused";
      records.push({
        deviceKey,
        counter,
        status: { refused: { reason, code: check?.code ?? 0, retryable: check?.retryable ?? true } },
      });
    }
  }
  return { paid, records };
}
