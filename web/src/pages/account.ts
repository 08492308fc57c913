// Account lookup: KYC status, tier, limits used today and this month, balance, and the recent
// history (the ledger's events of the last blocks that name the account).

import { ss58Decode, ss58Encode } from "@polkadot-labs/hdkd-helpers";
import { rpcError, type AccountAnswer, type Chain, type KycStatus } from "../chain";
import { date, el, pkr, pkrLeft, short } from "../format";
import { SS58_PREFIX } from "../signer";

/**
 * Blocks searched for the history at first and per "further back" (about eight minutes): within
 * the 256 blocks of state a node keeps by default.
 */
const HISTORY_BLOCKS = 250;

export function account(chain: Chain, root: HTMLElement, initial?: string): () => void {
  const { api, client, rpc } = chain;
  const input = el("input", {
    "data-testid": "account-address",
    placeholder: "account address (nG… or 5…)",
    size: "60",
  });
  const go = el("button", { "data-testid": "account-lookup" }, "Look up");
  const result = el("div", { class: "wide columns", "data-testid": "account-result" });
  root.replaceChildren(
    el("h1", {}, "Account"),
    el("section", { class: "card wide" }, el("p", {}, input, " ", go)),
    result,
  );

  const show = async (address: string) => {
    result.replaceChildren(el("p", {}, "Reading…"));
    let status: KycStatus | null;
    let balance: AccountAnswer;
    try {
      [status, balance] = await Promise.all([
        rpc<KycStatus | null>("kyc_accountStatus", [address]),
        rpc<AccountAnswer>("rupee_account", [address]),
      ]);
    } catch (error) {
      const { invalidArgument, reason } = rpcError(error);
      result.replaceChildren(
        el(
          "p",
          { class: "status", "data-state": "refused", "data-testid": "account-error" },
          invalidArgument ? `Not an account address: ${reason}` : `Could not read the account: ${reason}`,
        ),
      );
      return;
    }
    const rows: [string, string][] = [
      ["Balance", pkr(balance.free)],
      ["In offline purses", pkr(balance.escrowed)],
    ];
    if (status) {
      const usage = status.usage;
      rows.push(
        ["KYC", `${status.status}${status.expired ? " (expired)" : ""}${status.frozen ? ", frozen" : ""}`],
        ["Tier", status.tier],
        ["Registered by", status.provider],
        ["KYC expires", date(status.expiresAt)],
        ["Linked bank", status.linkedBank ?? "none"],
        ["Paid today", `${pkr(usage.dailyDebitUsed)} (${pkrLeft(usage.dailyDebitLeft)})`],
        ["Paid this month", `${pkr(usage.monthlyDebitUsed)} (${pkrLeft(usage.monthlyDebitLeft)})`],
        ["Received today", pkr(usage.dailyCreditUsed)],
        ["Received this month", pkr(usage.monthlyCreditUsed)],
      );
    } else {
      rows.push(["KYC", "not registered by any bank"]);
    }
    const history = el("tbody", { "data-testid": "account-history" });
    // Events name accounts in this chain's format; the address may have been typed in another.
    const canonical = ss58Encode(ss58Decode(address)[0], SS58_PREFIX);
    result.replaceChildren(
      el(
        "section",
        { class: "card" },
        el("h2", {}, short(address)),
        el(
          "table",
          { "data-testid": "account-facts" },
          ...rows.map(([k, v]) => el("tr", { "data-fact": k }, el("th", {}, k), el("td", {}, v))),
        ),
      ),
      el(
        "section",
        { class: "card" },
        el("h2", {}, "History"),
        historyNote,
        el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "block"), el("th", {}, "what"))), history),
        further,
      ),
    );
    const head = await client.getFinalizedBlock();
    oldest = head.number + 1;
    await readHistory(canonical, history);
    further.onclick = () => void readHistory(canonical, history);
  };

  const historyNote = el("p", { class: "voters", "data-testid": "history-note" });
  const further = el("button", { "data-testid": "history-further" }, `${HISTORY_BLOCKS} blocks further back`);
  /** The oldest block read so far. */
  let oldest = 0;

  /** The account's events in the next `HISTORY_BLOCKS` blocks before `oldest`, ten at a time. */
  const readHistory = async (address: string, body: HTMLElement) => {
    further.disabled = true;
    delete body.dataset.done;
    const numbers = Array.from({ length: Math.min(HISTORY_BLOCKS, oldest) }, (_, i) => oldest - 1 - i);
    historyNote.textContent = `Reading blocks #${numbers[numbers.length - 1] ?? 0} to #${numbers[0] ?? 0}…`;
    const entries: HTMLElement[] = [];
    let reached = oldest;
    let pruned = false;
    for (let i = 0; i < numbers.length && !pruned; i += 10) {
      const batch = numbers.slice(i, i + 10);
      const found = await Promise.all(
        batch.map(async (number) => {
          try {
            const hash = await rpc<string>("chain_getBlockHash", [number]);
            const events = await api.query.System.Events.getValue({ at: hash });
            return events.flatMap(({ event }) => {
              const line = describe(event as LedgerEvent, address);
              return line ? [el("tr", {}, el("td", {}, `#${number}`), el("td", {}, line))] : [];
            });
          } catch {
            // The node no longer keeps this block's state (pruning).
            pruned = true;
            return null;
          }
        }),
      );
      for (const [j, rows] of found.entries()) {
        if (rows === null) break;
        entries.push(...rows);
        reached = batch[j];
      }
    }
    body.querySelector("[data-placeholder]")?.remove();
    body.append(...entries);
    if (body.children.length === 0) {
      body.append(el("tr", { "data-placeholder": "" }, el("td", { colspan: "2" }, "nothing in these blocks")));
    }
    oldest = reached;
    historyNote.textContent = pruned
      ? `Blocks #${reached} to now. This node keeps the state of recent blocks only; an archive node (--state-pruning archive) reaches further back.`
      : `Blocks #${reached} to now.`;
    further.disabled = pruned || reached <= 0;
    body.dataset.done = "true";
  };

  go.addEventListener("click", () => void show(input.value.trim()));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") void show(input.value.trim());
  });
  if (initial) {
    input.value = initial;
    void show(initial);
  }
  return () => undefined;
}

type LedgerEvent = { type: string; value: { type: string; value: Record<string, unknown> } };

/** One ledger event in words, if it names `address`. */
function describe(event: LedgerEvent, address: string): string | undefined {
  const v = event.value.value ?? {};
  const amount = () => pkr(v.amount as bigint);
  switch (`${event.type}.${event.value.type}`) {
    case "Rupee.Transferred":
      if (v.from === address) return `paid ${amount()} to ${short(String(v.to))}`;
      if (v.to === address) return `received ${amount()} from ${short(String(v.from))}`;
      return undefined;
    case "Rupee.Swept":
      return v.from === address ? `${amount()} above the holding limit swept to the linked bank` : undefined;
    case "Rupee.Minted":
      return v.to === address ? `${amount()} minted into this reserve` : undefined;
    case "Rupee.Reserved":
      return v.owner === address ? `${amount()} moved into an offline purse` : undefined;
    case "Rupee.Released":
      return v.owner === address ? `${amount()} back from an offline purse` : undefined;
    case "Vouchers.PurseFunded":
      return v.owner === address
        ? `funded purse ${short(String(v.device_key))} (escrow ${pkr(v.escrow as bigint)})`
        : undefined;
    case "Vouchers.VoucherRedeemed":
      return v.payee === address ? `redeemed a voucher of ${amount()}` : undefined;
    default:
      return Object.values(v).includes(address) ? `${event.type}.${event.value.type}` : undefined;
  }
}
