// The Board: governors, open motions in words with their votes, thresholds and time left; a
// governor proposes, votes and closes by signing in the browser.

import { blake2b256 } from "@polkadot-labs/hdkd-helpers";
import type { Chain } from "../chain";
import { duration, el, parseRupees, short, toAddress } from "../format";
import type { Account } from "../signer";
import { statusLine, submit } from "../tx";
import { describeCall } from "../words";

/** The chain's block time (`MILLISECS_PER_BLOCK`), for "time left". */
const BLOCK_MS = 2000;

/**
 * The most proof size a `Board.close` weight bound may claim: the KYC gate's limit
 * (`MOTION_PROOF_SIZE` in runtime/src/configs/gate.rs); the ref time comes from the chain's
 * `Board.MaxProposalWeight`.
 */
const MOTION_PROOF_SIZE = 16n * 1024n * 1024n;

/** Which Board origin a call needs (runtime/src/configs): the ayes it takes at the close. */
type Needs = "twoThirds" | "majority";

/** Fewest ayes of `members` governors that satisfy `needs`. */
export function fewestAyes(needs: Needs, members: number): number {
  return needs === "twoThirds" ? Math.ceil((members * 2) / 3) : Math.floor(members / 2) + 1;
}

type Encodable = { decodedCall: unknown; getEncodedData(): Promise<Uint8Array> };

/** What the console proposes: a label, what to type, the call, and the origin it needs. */
type Kind = { label: string; input: string; needs: Needs; call: (chain: Chain, value: string) => Encodable };

const KINDS: Record<string, Kind> = {
  ceiling: {
    label: "Set the supply ceiling (PKR)",
    input: "2,000,000,000",
    needs: "twoThirds",
    call: ({ api }, value) => api.tx.Rupee.set_supply_ceiling({ ceiling: parseRupees(value) }),
  },
  addGovernor: {
    label: "Add a governor",
    input: "account address",
    needs: "twoThirds",
    call: ({ api }, value) => api.tx.BoardMembership.add_member({ who: { type: "Id", value: toAddress(value) } }),
  },
  removeGovernor: {
    label: "Remove a governor",
    input: "account address",
    needs: "twoThirds",
    call: ({ api }, value) => api.tx.BoardMembership.remove_member({ who: { type: "Id", value: toAddress(value) } }),
  },
  accredit: {
    label: "Accredit a bank",
    input: "account address",
    needs: "majority",
    call: ({ api }, value) => api.tx.Kyc.accredit_provider({ provider: toAddress(value) }),
  },
  freeze: {
    label: "Freeze an account",
    input: "account address",
    needs: "twoThirds",
    call: ({ api }, value) => api.tx.Rupee.freeze({ who: toAddress(value) }),
  },
  unfreeze: {
    label: "Unfreeze an account",
    input: "account address",
    needs: "twoThirds",
    call: ({ api }, value) => api.tx.Rupee.unfreeze({ who: toAddress(value) }),
  },
};

const toHex = (bytes: Uint8Array) => `0x${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;

/** What a finalized close did, from its events. */
function closeOutcome(events: { type: string; value: unknown }[]): string | undefined {
  for (const event of events) {
    if (event.type !== "Board") continue;
    const inner = event.value as { type: string };
    if (inner.type === "Disapproved") return "The motion was rejected and closed.";
    if (inner.type === "Executed") return "The motion passed and was executed.";
  }
  return undefined;
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
  const readError = el("p", { class: "status", "data-testid": "board-read-error" });
  const members = el("ul", { "data-testid": "members" });
  const motions = el("div", { "data-testid": "motions" });
  const kind = el("select", { "data-testid": "motion-kind" });
  for (const [key, k] of Object.entries(KINDS)) kind.append(el("option", { value: key }, k.label));
  const value = el("input", { "data-testid": "motion-value", placeholder: KINDS.ceiling.input, size: "52" });
  const threshold = el("input", { "data-testid": "motion-threshold", type: "number", min: "1", step: "1", size: "4" });
  const propose = el("button", { "data-testid": "propose" }, "Propose");
  root.replaceChildren(
    el("h1", {}, "Board"),
    readError,
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
  const showDefault = () => {
    const k = KINDS[kind.value];
    value.placeholder = k.input;
    threshold.placeholder = String(fewestAyes(k.needs, memberCount));
  };
  kind.addEventListener("change", showDefault);

  // One transaction at a time from this page; a click meanwhile is answered, not dropped.
  let busy = false;
  const act = async (
    what: string,
    build: () => Promise<Parameters<typeof submit>[0]> | Parameters<typeof submit>[0],
    done?: (r: NonNullable<Awaited<ReturnType<typeof submit>>>) => void,
  ) => {
    const account = signer();
    if (!account) return say("Choose an account to sign with.", "refused");
    if (busy) return say("Another transaction from this page is still on its way: wait for it.", "refused");
    busy = true;
    try {
      const result = await submit(await build(), account, what, say);
      if (result && done) done(result);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), "refused");
    } finally {
      busy = false;
      void refresh();
    }
  };

  propose.addEventListener("click", () => {
    const k = KINDS[kind.value];
    let call: Encodable;
    try {
      call = k.call(chain, value.value);
    } catch (error) {
      return say(error instanceof Error ? error.message : String(error), "refused");
    }
    const fewest = fewestAyes(k.needs, memberCount);
    const typed = threshold.value.trim();
    const needed = typed === "" ? fewest : Number(typed);
    if (!Number.isInteger(needed) || needed < fewest || needed > memberCount) {
      return say(
        `Ayes needed must be a whole number from ${fewest} to ${memberCount}: this call takes ` +
          `${k.needs === "twoThirds" ? "two thirds" : "a majority"} of the ${memberCount} governors.`,
        "refused",
      );
    }
    const words = describeCall(call.decodedCall, ceiling);
    void act(`propose: ${words} (needs ${needed} of ${memberCount} ayes)`, async () => {
      const length = (await call.getEncodedData()).length;
      return api.tx.Board.propose({ threshold: needed, proposal: call.decodedCall as never, length_bound: length });
    });
  });

  /** The SCALE bytes of a decoded call, through the typed API's own codec. */
  const encodedCall = (call: unknown) => {
    const c = call as { type: string; value: { type: string; value: unknown } };
    const tx = api.tx as unknown as Record<string, Record<string, (a: unknown) => Encodable>>;
    return tx[c.type][c.value.type](c.value.value).getEncodedData();
  };

  // What was last drawn, so an unchanged Board is not redrawn under a governor's click.
  let drawn = "";
  const timeLeft = new Map<string, HTMLElement>();
  let refreshing = false;
  let again = false;
  const refresh = async (): Promise<void> => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      await draw();
      readError.textContent = "";
    } catch (error) {
      readError.textContent = `Could not read the Board from the node: ${error instanceof Error ? error.message : error}`;
      readError.dataset.state = "refused";
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };

  const draw = async () => {
    const finalized = await client.getFinalizedBlock();
    const best = (await client.getBestBlocks())[0]?.number ?? finalized.number;
    const at = { at: finalized.hash };
    const [governors, prime, hashes, supplyCeiling, maxWeight] = await Promise.all([
      api.query.Board.Members.getValue(at),
      api.query.Board.Prime.getValue(at),
      api.query.Board.Proposals.getValue(at),
      api.query.Rupee.SupplyCeiling.getValue(at),
      api.constants.Board.MaxProposalWeight(),
    ]);
    memberCount = governors.length;
    ceiling = supplyCeiling;
    showDefault();
    const open = await Promise.all(
      hashes.map(async (hash) => {
        const [call, votes] = await Promise.all([
          api.query.Board.ProposalOf.getValue(hash, at),
          api.query.Board.Voting.getValue(hash, at),
        ]);
        // The words are only shown for the call whose hash the governors sign.
        const encoded = call ? await encodedCall(call) : undefined;
        const genuine = encoded !== undefined && toHex(blake2b256(encoded)) === hash.toLowerCase();
        return { hash, call, votes, encoded, genuine };
      }),
    );
    const state = JSON.stringify(
      { governors, prime, open: open.map((m) => [m.hash, m.votes?.ayes, m.votes?.nays, m.genuine]), supplyCeiling },
      (_, v) => (typeof v === "bigint" ? v.toString() : v),
    );
    for (const m of open) {
      const left = timeLeft.get(m.hash);
      if (left && m.votes) left.textContent = `${duration((m.votes.end - best) * BLOCK_MS)} left`;
    }
    if (state === drawn) return;
    drawn = state;
    members.replaceChildren(
      ...governors.map((g) => el("li", { title: g, "data-address": g }, `${name(g)}${g === prime ? " (prime)" : ""}`)),
    );
    timeLeft.clear();
    const cards = open.map(({ hash, call, votes, encoded, genuine }) => {
      if (!call || !votes || !encoded) return el("div", {});
      if (!genuine) {
        return el(
          "div",
          { class: "motion", "data-testid": "motion", "data-hash": hash },
          el(
            "p",
            { class: "status", "data-state": "refused" },
            `Motion ${short(hash)}: this node's record of the call does not match the motion's hash. Do not vote on it through this node.`,
          ),
        );
      }
      const words = describeCall(call, supplyCeiling);
      const left = el("span", {}, `${duration((votes.end - best) * BLOCK_MS)} left`);
      timeLeft.set(hash, left);
      const vote = (approve: boolean) => () =>
        act(`${approve ? "aye" : "nay"} on motion #${votes.index}`, () =>
          api.tx.Board.vote({ proposal: hash, index: votes.index, approve }),
        );
      const aye = el("button", { "data-testid": "vote-aye" }, "Aye");
      const nay = el("button", { "data-testid": "vote-nay" }, "Nay");
      const close = el("button", { "data-testid": "close" }, "Close");
      aye.addEventListener("click", vote(true));
      nay.addEventListener("click", vote(false));
      close.addEventListener("click", () =>
        act(
          `close motion #${votes.index}`,
          // The bound is the most a motion's call may claim; the chain refunds what it does not use.
          () =>
            api.tx.Board.close({
              proposal_hash: hash,
              index: votes.index,
              proposal_weight_bound: { ref_time: maxWeight.ref_time, proof_size: MOTION_PROOF_SIZE },
              length_bound: encoded.length,
            }),
          (result) => {
            const outcome = closeOutcome(result.events as { type: string; value: unknown }[]);
            if (outcome) say(`Motion #${votes.index} closed in block #${result.block.number}. ${outcome}`, "done");
          },
        ),
      );
      return el(
        "div",
        { class: "motion", "data-testid": "motion", "data-hash": hash, "data-index": String(votes.index) },
        el("p", { class: "words", "data-testid": "motion-words" }, `#${votes.index}: ${words}`),
        el(
          "p",
          {},
          el("span", { "data-testid": "motion-ayes" }, String(votes.ayes.length)),
          ` aye, ${votes.nays.length} nay of ${votes.threshold} needed · ends at block #${votes.end} (`,
          left,
          ")",
        ),
        el("p", { class: "voters" }, `aye: ${names(votes.ayes)} · nay: ${names(votes.nays)}`),
        el("p", {}, aye, " ", nay, " ", close),
      );
    });
    motions.replaceChildren(...(cards.length > 0 ? cards : [el("p", {}, "No open motions.")]));
    root.dataset.updatedAt = String(finalized.number);
  };

  void refresh();
  const subscription = client.finalizedBlock$.subscribe(() => void refresh());
  return () => subscription.unsubscribe();
}
