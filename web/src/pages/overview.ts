// Overview: supply against the ceiling, the banks' reserves, blocks and finality, the
// validators and who authored the recent blocks, and payments per block; live, one update per
// new finalized block.

import { ss58Address } from "@polkadot-labs/hdkd-helpers";
import { barChart, lineChart } from "../charts";
import type { Chain, Supply } from "../chain";
import { el, pkr, short } from "../format";
import { SS58_PREFIX } from "../signer";

/** Blocks kept for the payments series and the authors' tally. */
const RECENT = 30;

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
  root.replaceChildren(
    el("h1", {}, "Overview"),
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

  /** Payments and redemptions in a block, and its author (from the Aura slot). */
  const blockFacts = async (hash: string) => {
    const [events, header, authorities] = await Promise.all([
      api.query.System.Events.getValue({ at: hash }),
      client.getBlockHeader(hash),
      api.query.Aura.Authorities.getValue({ at: hash }),
    ]);
    const count = events.filter(
      ({ event }) =>
        (event.type === "Rupee" && event.value.type === "Transferred") ||
        (event.type === "Vouchers" && event.value.type === "VoucherRedeemed"),
    ).length;
    const slot = auraSlot(header.digests as { type: string; value: unknown }[]);
    const author =
      slot !== undefined && authorities.length > 0
        ? ss58Address(authorities[Number(slot % BigInt(authorities.length))], SS58_PREFIX)
        : undefined;
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
    const [supply, bankReserves, facts, set] = await Promise.all([
      rpc<Supply>("rupee_supply", [hash]),
      rpc<[string, number | string][]>("rupee_bankReserves", [hash]),
      blockFacts(hash),
      api.query.Session.Validators.getValue({ at: hash }),
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
    const share = Number((BigInt(supply.totalIssuance) * 10000n) / BigInt(supply.supplyCeiling || 1)) / 100;
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

    validators.replaceChildren(
      ...set.map((validator) => {
        const blocks = recent.filter((b) => b.author === validator).length;
        return el("li", { title: validator }, `${short(validator)}: ${blocks} block(s)`);
      }),
    );
    finalizedNumber = number;
    showLag();
    root.dataset.updatedAt = String(number);
  };

  // One update at a time, in order; a block that finalizes meanwhile is picked up next.
  let busy = false;
  let next: { hash: string; number: number } | undefined;
  const drain = async () => {
    if (busy) return;
    busy = true;
    while (next) {
      const block = next;
      next = undefined;
      try {
        await onFinalized(block.hash, block.number);
      } catch (error) {
        console.error("overview update failed", error);
      }
    }
    busy = false;
  };
  const subscriptions: { unsubscribe(): void }[] = [
    client.finalizedBlock$.subscribe((block) => {
      next = block;
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
