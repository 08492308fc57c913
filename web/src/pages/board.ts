// The Board: governors, open motions in words with their votes, thresholds and time left; a
// governor proposes, votes and closes by signing in the browser.

import { ss58Decode, ss58Encode } from "@polkadot-labs/hdkd-helpers";
import type { Chain } from "../chain";
import { duration, el, parseRupees, short } from "../format";
import { SS58_PREFIX, type Account } from "../signer";
import { statusLine, submit } from "../tx";
import { describeCall } from "../words";

/** The chain's block time (`MILLISECS_PER_BLOCK`), for "time left". */
const BLOCK_MS = 2000;

/** What the console proposes: a label, what to type, and the call. */
type Kind = {
  label: string;
  input: string;
  call: (chain: Chain, value: string) => { decodedCall: unknown; getEncodedData(): Promise<Uint8Array> };
};

/** An account typed in any SS58 format, in this chain's; a sentence for anything else. */
const address = (value: string) => {
  try {
    const [payload] = ss58Decode(value.trim());
    if (payload.length === 32) return ss58Encode(payload, SS58_PREFIX);
  } catch {
    // said below
  }
  throw new Error(`"${value}" is not an account address (nG… or 5…, with its checksum).`);
};

const KINDS: Record<string, Kind> = {
  ceiling: {
    label: "Set the supply ceiling (PKR)",
    input: "2,000,000,000",
    call: ({ api }, value) => api.tx.Rupee.set_supply_ceiling({ ceiling: parseRupees(value) }),
  },
  addGovernor: {
    label: "Add a governor",
    input: "account address",
    call: ({ api }, value) => api.tx.BoardMembership.add_member({ who: { type: "Id", value: address(value) } }),
  },
  removeGovernor: {
    label: "Remove a governor",
    input: "account address",
    call: ({ api }, value) => api.tx.BoardMembership.remove_member({ who: { type: "Id", value: address(value) } }),
  },
  accredit: {
    label: "Accredit a bank",
    input: "account address",
    call: ({ api }, value) => api.tx.Kyc.accredit_provider({ provider: address(value) }),
  },
  freeze: {
    label: "Freeze an account",
    input: "account address",
    call: ({ api }, value) => api.tx.Rupee.freeze({ who: address(value) }),
  },
  unfreeze: {
    label: "Unfreeze an account",
    input: "account address",
    call: ({ api }, value) => api.tx.Rupee.unfreeze({ who: address(value) }),
  },
};

/** The default threshold: two thirds of the governors, rounded up (1 on a Board of one). */
export function defaultThreshold(members: number): number {
  return members <= 1 ? 1 : Math.ceil((members * 2) / 3);
}

export function board(chain: Chain, root: HTMLElement, accounts: Account[]): () => void {
  const { api, client } = chain;
  const signerSelect = el("select", { "data-testid": "signer" });
  for (const account of accounts) {
    signerSelect.append(
      el("option", { value: account.address }, `${account.name} (${account.source}) ${short(account.address)}`),
    );
  }
  const signer = () => accounts.find((a) => a.address === signerSelect.value);
  const status = el("p", { class: "status", "data-testid": "board-status", role: "status" });
  const say = statusLine(status);
  const members = el("ul", { "data-testid": "members" });
  const motions = el("div", { "data-testid": "motions" });
  const kind = el("select", { "data-testid": "motion-kind" });
  for (const [key, k] of Object.entries(KINDS)) kind.append(el("option", { value: key }, k.label));
  const value = el("input", { "data-testid": "motion-value", placeholder: KINDS.ceiling.input, size: "52" });
  kind.addEventListener("change", () => (value.placeholder = KINDS[kind.value].input));
  const threshold = el("input", { "data-testid": "motion-threshold", type: "number", min: "1", size: "4" });
  const propose = el("button", { "data-testid": "propose" }, "Propose");
  root.replaceChildren(
    el("h1", {}, "Board"),
    el("section", { class: "card" }, el("h2", {}, "Governors"), members),
    el(
      "section",
      { class: "card" },
      el("h2", {}, "Act as"),
      accounts.length > 0
        ? signerSelect
        : el(
            "p",
            {},
            "No account to sign with: install the polkadot.js extension (development keys exist only on test chains).",
          ),
      status,
    ),
    el(
      "section",
      { class: "card wide" },
      el("h2", {}, "Propose a motion"),
      el(
        "div",
        { class: "form" },
        el("label", {}, "What ", kind),
        el("label", {}, "To ", value),
        el("label", {}, "Ayes needed ", threshold),
        propose,
      ),
    ),
    el("section", { class: "card wide" }, el("h2", {}, "Open motions"), motions),
  );

  const name = (address: string) => accounts.find((a) => a.address === address)?.name ?? short(address);
  const names = (list: string[]) => (list.length > 0 ? list.map(name).join(", ") : "nobody");
  let memberCount = 0;
  let ceiling: bigint | undefined;
  let current = 0;
  let busy = false;
  const act = async (what: string, build: () => Parameters<typeof submit>[0]) => {
    const account = signer();
    if (!account) return say("Choose an account to sign with.", "refused");
    if (busy) return;
    busy = true;
    try {
      await submit(build(), account, what, say);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), "refused");
    } finally {
      busy = false;
      await refresh();
    }
  };

  propose.addEventListener("click", async () => {
    const k = KINDS[kind.value];
    let call;
    try {
      call = k.call(chain, value.value);
    } catch (error) {
      return say(error instanceof Error ? error.message : String(error), "refused");
    }
    const needed = Number(threshold.value || defaultThreshold(memberCount));
    const length = (await call.getEncodedData()).length;
    const words = describeCall(call.decodedCall, ceiling);
    await act(`propose: ${words}`, () =>
      api.tx.Board.propose({ threshold: needed, proposal: call.decodedCall as never, length_bound: length }),
    );
  });

  const refresh = async () => {
    const finalized = await client.getFinalizedBlock();
    const at = { at: finalized.hash };
    current = finalized.number;
    const [governors, prime, hashes, supplyCeiling, maxWeight] = await Promise.all([
      api.query.Board.Members.getValue(at),
      api.query.Board.Prime.getValue(at),
      api.query.Board.Proposals.getValue(at),
      api.query.Rupee.SupplyCeiling.getValue(at),
      api.constants.Board.MaxProposalWeight(),
    ]);
    memberCount = governors.length;
    ceiling = supplyCeiling;
    threshold.placeholder = String(defaultThreshold(memberCount));
    members.replaceChildren(
      ...governors.map((g) => el("li", { title: g, "data-address": g }, `${name(g)}${g === prime ? " (prime)" : ""}`)),
    );
    const cards = await Promise.all(
      hashes.map(async (hash) => {
        const [call, votes] = await Promise.all([
          api.query.Board.ProposalOf.getValue(hash, at),
          api.query.Board.Voting.getValue(hash, at),
        ]);
        if (!call || !votes) return el("div", {});
        const words = describeCall(call, supplyCeiling);
        const left = (votes.end - current) * BLOCK_MS;
        const aye = el("button", { "data-testid": "vote-aye" }, "Aye");
        const nay = el("button", { "data-testid": "vote-nay" }, "Nay");
        const close = el("button", { "data-testid": "close" }, "Close");
        aye.addEventListener("click", () =>
          act(`aye on motion #${votes.index}`, () =>
            api.tx.Board.vote({ proposal: hash, index: votes.index, approve: true }),
          ),
        );
        nay.addEventListener("click", () =>
          act(`nay on motion #${votes.index}`, () =>
            api.tx.Board.vote({ proposal: hash, index: votes.index, approve: false }),
          ),
        );
        close.addEventListener("click", async () => {
          // The bound is the most a motion's call may weigh; the chain refunds what it does not use.
          const length = (await encodedCall(call)).length;
          await act(`close motion #${votes.index}`, () =>
            api.tx.Board.close({
              proposal_hash: hash,
              index: votes.index,
              proposal_weight_bound: { ref_time: maxWeight.ref_time, proof_size: MOTION_PROOF_SIZE },
              length_bound: length,
            }),
          );
        });
        return el(
          "div",
          { class: "motion", "data-testid": "motion", "data-hash": hash, "data-index": String(votes.index) },
          el("p", { class: "words", "data-testid": "motion-words" }, `#${votes.index}: ${words}`),
          el(
            "p",
            {},
            el("span", { "data-testid": "motion-ayes" }, String(votes.ayes.length)),
            ` aye, ${votes.nays.length} nay of ${votes.threshold} needed · ends at block #${votes.end} (${duration(left)} left)`,
          ),
          el("p", { class: "voters" }, `aye: ${names(votes.ayes)} · nay: ${names(votes.nays)}`),
          el("p", {}, aye, " ", nay, " ", close),
        );
      }),
    );
    motions.replaceChildren(...(cards.length > 0 ? cards : [el("p", {}, "No open motions.")]));
    root.dataset.updatedAt = String(current);
  };

  /** The SCALE bytes of a decoded call, through the typed API's own codec. */
  const encodedCall = async (call: unknown) => {
    const { pallet, name, args } = callParts(call);
    const api_ = api.tx as unknown as Record<
      string,
      Record<string, (a: unknown) => { getEncodedData(): Promise<Uint8Array> }>
    >;
    return api_[pallet][name](args).getEncodedData();
  };

  void refresh();
  const subscription = client.finalizedBlock$.subscribe(() => {
    if (!busy) void refresh().catch((error) => console.error("board refresh failed", error));
  });
  return () => subscription.unsubscribe();
}

/** The most proof size a `Board.close` bound may claim (the gate's limit, 16 MiB). */
const MOTION_PROOF_SIZE = 16n * 1024n * 1024n;

function callParts(call: unknown): { pallet: string; name: string; args: unknown } {
  const c = call as { type: string; value: { type: string; value: unknown } };
  return { pallet: c.type, name: c.value.type, args: c.value.value };
}
