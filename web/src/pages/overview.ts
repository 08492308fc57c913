// Overview: supply against the ceiling, the banks' reserves, blocks and finality, the
// validators and who authored the recent blocks, and payments per block; live, one update per
// new finalized block.

import { ss58Address } from "@polkadot-labs/hdkd-helpers";
import { barChart, lineChart } from "../charts";
import type { Chain, Supply } from "../chain";
import { el, pkr, short } from "../format";
import { SS58_PREFIX } from "../signer";

/** Blocks kept for the payments series and the authors' tally. */
const RECENT = 60;

/** The Aura slot in a header's pre-runtime digest (u64, little endian). */
function auraSlot(digests: { type: string; value: unknown }[]): bigint | undefined {
  for (const digest of digests) {
    const value = digest.value as { engine?: string; payload?: string };
    if (digest.type === "preRuntime" && value.engine === "aura" && value.payload) {
      const bytes = value.payload.slice(2).match(/../g) ?? [];
      return bytes.reduceRight((acc, byte) => (acc << 8n) | BigInt(parseInt(byte, 16)), 0n);
    }
  }
  return undefined;
}

export function overview(chain: Chain, root: HTMLElement): () => void {
  const { api, client, rpc } = chain;
  const field = (id: string) => el("span", { "data-testid": id }, "…");
  const issued = field("supply-issued");
  const ceiling = field("supply-ceiling");
  const escrowed = field("supply-escrowed");
  const gauge = el("div", { class: "gauge-fill", "data-testid": "supply-gauge" });
  const best = field("best-block");
  const finalized = field("finalized-block");
  const lag = field("finality-lag");
  const validators = el("ul", { "data-testid": "validators" });
  const reserves = el("canvas", { "data-testid": "reserves-chart", height: "220" });
  const payments = el("canvas", { "data-testid": "payments-chart", height: "220" });
  const paymentsNow = field("payments-last-block");
  const readError = el("p", { class: "status", "data-state": "refused", "data-testid": "overview-read-error" });
  root.replaceChildren(
    el("h1", {}, "Overview"),
    readError,
    el(
      "section",
      { class: "card" },
      el("h2", {}, "Money supply"),
      el("p", {}, "Issued ", issued, " of a ceiling of ", ceiling, "; ", escrowed, " of it in offline purses."),
      el("div", { class: "gauge" }, gauge),
    ),
    el(
      "section",
      { class: "card" },
      el("h2", {}, "Blocks and finality"),
      el("p", {}, "Best #", best, " · finalized #", finalized, " · lag ", lag, " block(s)"),
      el("h3", {}, "Validators (blocks authored of the last ", String(RECENT), " finalized)"),
      validators,
    ),
    el("section", { class: "card" }, el("h2", {}, "Bank reserves (their own accounts)"), reserves),
    el(
      "section",
      { class: "card" },
      el("h2", {}, "Payments per block"),
      el("p", {}, "Last finalized block: ", paymentsNow, " payment(s) and redemption(s)"),
      payments,
    ),
  );
  const reservesChart = barChart(reserves, "Reserve (PKR)");
  const paymentsChart = lineChart(payments, "Payments");
  let bestNumber = 0;
  let finalizedNumber = 0;
  const showLag = () => {
    best.textContent = String(bestNumber);
    finalized.textContent = String(finalizedNumber);
    lag.textContent = String(Math.max(0, bestNumber - finalizedNumber));
  };

  /** Aura keys to the validators' accounts (`Session.NextKeys`): on a pilot they differ. */
  const owners = new Map<string, string>();
  const learnOwners = async (validators: string[], at: string) => {
    const keys = await Promise.all(validators.map((v) => api.query.Session.NextKeys.getValue(v, { at })));
    keys.forEach((k, i) => k && owners.set(k.aura.toLowerCase(), validators[i]));
  };

  /** Payments and redemptions in a block, and its author (the Aura slot, of the parent's set). */
  const blockFacts = async (hash: string) => {
    const [events, header] = await Promise.all([
      api.query.System.Events.getValue({ at: hash }),
      client.getBlockHeader(hash),
    ]);
    const authorities = await api.query.Aura.Authorities.getValue({ at: header.parentHash });
    const count = events.filter(
      ({ event }) =>
        (event.type === "Rupee" && event.value.type === "Transferred") ||
        (event.type === "Vouchers" && event.value.type === "VoucherRedeemed"),
    ).length;
    const slot = auraSlot(header.digests as { type: string; value: unknown }[]);
    const key =
      slot !== undefined && authorities.length > 0 ? authorities[Number(slot % BigInt(authorities.length))] : undefined;
    const author = key ? (owners.get(key.toLowerCase()) ?? ss58Address(key, SS58_PREFIX)) : undefined;
    return { number: header.number, parent: header.parentHash, count, author };
  };

  const recent: { number: number; count: number; author?: string }[] = [];
  const record = (facts: { number: number; count: number; author?: string }) => {
    recent.push(facts);
    if (recent.length > RECENT) recent.shift();
  };

  /** The blocks before the first one seen, so the series and the tally start full. */
  const backfill = async (parent: string, below: number) => {
    const earlier: { number: number; count: number; author?: string }[] = [];
    let hash = parent;
    for (let number = below - 1; number >= 1 && earlier.length < RECENT - 1; number--) {
      const facts = await blockFacts(hash);
      earlier.unshift(facts);
      hash = facts.parent;
    }
    recent.unshift(...earlier);
    recent.splice(0, Math.max(0, recent.length - RECENT));
  };

  let started = false;
  const onFinalized = async (hash: string, number: number) => {
    const set = await api.query.Session.Validators.getValue({ at: hash });
    if (set.some((v) => ![...owners.values()].includes(v))) await learnOwners(set, hash);
    const [supply, bankReserves, facts] = await Promise.all([
      rpc<Supply>("rupee_supply", [hash]),
      rpc<[string, string][]>("rupee_bankReserves", [hash]),
      blockFacts(hash),
    ]);
    if (!started) {
      started = true;
      await backfill(facts.parent, number);
    }
    record(facts);

    issued.textContent = pkr(supply.totalIssuance);
    issued.dataset.paisa = String(supply.totalIssuance);
    ceiling.textContent = pkr(supply.supplyCeiling);
    ceiling.dataset.paisa = String(supply.supplyCeiling);
    escrowed.textContent = pkr(supply.totalEscrowed);
    const share = Number((BigInt(supply.totalIssuance) * 10000n) / (BigInt(supply.supplyCeiling) || 1n)) / 100;
    gauge.style.width = `${Math.min(100, share)}%`;
    gauge.title = `${share}% of the ceiling`;

    reservesChart.data.labels = bankReserves.map(([bank]) => short(bank));
    reservesChart.data.datasets[0].data = bankReserves.map(([, paisa]) => Number(BigInt(paisa) / 100n));
    reservesChart.update();

    paymentsNow.textContent = String(facts.count);
    paymentsChart.data.labels = recent.map((b) => `#${b.number}`);
    paymentsChart.data.datasets[0].data = recent.map((b) => b.count);
    paymentsChart.update();
    payments.dataset.total = String(recent.reduce((sum, b) => sum + b.count, 0));
    payments.dataset.blocks = String(recent.length);

    validators.replaceChildren(
      ...set.map((validator) => {
        const blocks = recent.filter((b) => b.author === validator).length;
        return el(
          "li",
          { title: validator, "data-address": validator, "data-blocks": String(blocks) },
          `${short(validator)}: ${blocks} block(s)`,
        );
      }),
    );
    finalizedNumber = number;
    showLag();
    root.dataset.updatedAt = String(number);
  };

  // One update at a time, every finalized block in order (GRANDPA may finalize several at once);
  // a backlog longer than the series keeps only its newest blocks.
  const queue: { hash: string; number: number }[] = [];
  let busy = false;
  const drain = async () => {
    if (busy) return;
    busy = true;
    while (queue.length > 0) {
      if (queue.length > RECENT) queue.splice(0, queue.length - RECENT);
      const block = queue.shift()!;
      try {
        await onFinalized(block.hash, block.number);
        readError.textContent = "";
      } catch (error) {
        readError.textContent = `Could not read block #${block.number} from the node: ${error instanceof Error ? error.message : error}`;
      }
    }
    busy = false;
  };
  const subscriptions: { unsubscribe(): void }[] = [
    client.finalizedBlock$.subscribe((block) => {
      queue.push(block);
      void drain();
    }),
    client.bestBlocks$.subscribe((blocks) => {
      if (blocks.length > 0) bestNumber = blocks[0].number;
      showLag();
    }),
  ];
  return () => {
    subscriptions.forEach((s) => s.unsubscribe());
    reservesChart.destroy();
    paymentsChart.destroy();
  };
}
