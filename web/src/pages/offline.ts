// Offline payments: money in purses and the guarantee, purses a page at a time (or one by its
// device key), double spends with their evidence, claims, and the revocation list.

import { ss58Address } from "@polkadot-labs/hdkd-helpers";
import { rpcError, type Chain, type Revocations, type Supply } from "../chain";
import { date, el, pkr, pkrLimit, short } from "../format";
import { SS58_PREFIX } from "../signer";

/** Purses shown per page: the console never reads every purse of a national chain at once. */
const PAGE = 50;

/** Revocation entries shown (the list's first page). */
const REVOCATIONS_SHOWN = 100;

type PurseAnswer = {
  owner: string;
  escrow: string;
  redeemed: string;
  voucherCap: string | null;
  expiresAt: number;
  redeemableUntil: number;
  status: string;
  highestCounter: number | null;
};

type SignedVoucher = { body: { counter: bigint; payee: string; amount: bigint; issued_at: bigint }; signature: string };

/** What proves the double spend: both vouchers the owner signed with one counter, or the overdraft. */
function evidence(voucher: SignedVoucher, conflicting: SignedVoucher | undefined): string {
  const said = (v: SignedVoucher) =>
    `#${v.body.counter}: ${pkr(v.body.amount)} to ${short(ss58Address(v.body.payee, SS58_PREFIX))} at ${date(Number(v.body.issued_at))}`;
  return conflicting
    ? `both signed by the purse: ${said(conflicting)} (paid first) and ${said(voucher)}`
    : `${said(voucher)}, beyond the purse's escrow`;
}

export function offline(chain: Chain, root: HTMLElement): () => void {
  const { api, client, rpc } = chain;
  const totals = el("p", { "data-testid": "offline-totals" }, "…");
  const purses = el("tbody", { "data-testid": "purses" });
  const more = el("button", { "data-testid": "purses-more" }, "Next page");
  const lookup = el("input", {
    "data-testid": "purse-key",
    placeholder: "device key (0x + 64 hex digits)",
    size: "70",
  });
  const lookupButton = el("button", { "data-testid": "purse-lookup-button" }, "Look up");
  const lookupResult = el("p", { "data-testid": "purse-lookup" });
  const doubleSpends = el("tbody", { "data-testid": "double-spends" });
  const claims = el("tbody", { "data-testid": "claims" });
  const revocations = el("tbody", { "data-testid": "revocations" });
  const digest = el("code", { "data-testid": "revocation-digest" });
  const revocationsMore = el("p", { class: "voters" });
  const readError = el("p", { class: "status", "data-state": "refused", "data-testid": "offline-read-error" });
  /** Rows, or one row saying there are none. */
  const rowsOrNone = (rows: HTMLElement[], columns: number) =>
    rows.length > 0 ? rows : [el("tr", {}, el("td", { colspan: String(columns), class: "none" }, "none"))];
  const table = (head: string[], body: HTMLElement) =>
    el("table", {}, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))), body);
  root.replaceChildren(
    el("h1", {}, "Offline payments"),
    readError,
    el("section", { class: "card" }, el("h2", {}, "Money offline"), totals),
    el(
      "section",
      { class: "card wide" },
      el("h2", {}, "Purses"),
      el("p", {}, lookup, " ", lookupButton),
      lookupResult,
      table(["device key", "owner", "escrow", "redeemed", "per voucher", "expires", "status"], purses),
      more,
    ),
    el(
      "section",
      { class: "card wide" },
      el("h2", {}, "Double spends"),
      table(
        ["purse", "kind", "owner", "victim", "voucher", "evidence", "from escrow", "from balance", "claim"],
        doubleSpends,
      ),
    ),
    el(
      "section",
      { class: "card wide" },
      el("h2", {}, "Claims"),
      table(["id", "claimant", "owner", "purse", "owed"], claims),
    ),
    el(
      "section",
      { class: "card wide" },
      el("h2", {}, "Revocation list"),
      el("p", {}, "Digest ", digest),
      table(["device key", "reason", "since"], revocations),
      revocationsMore,
    ),
  );

  const purseRow = (
    key: string,
    p: {
      owner: string;
      escrow: bigint | number | string;
      redeemed: bigint | number | string;
      voucher_cap?: bigint;
      voucherCap?: number | string;
      expires_at?: bigint;
      expiresAt?: number;
      status: string;
    },
  ) =>
    el(
      "tr",
      { "data-device-key": key },
      el("td", { title: key }, short(key)),
      el("td", { title: p.owner }, short(p.owner)),
      el("td", {}, pkr(p.escrow)),
      el("td", {}, pkr(p.redeemed)),
      el("td", {}, pkr(p.voucher_cap ?? p.voucherCap ?? 0)),
      el("td", {}, date(Number(p.expires_at ?? p.expiresAt ?? 0))),
      el("td", {}, p.status),
    );

  // Purses a page at a time: storage keys in order, then their values.
  let prefix: string | undefined;
  let lastKey: string | undefined;
  let paging = false;
  const nextPage = async () => {
    if (paging) return;
    paging = true;
    try {
      await readPage();
      readError.textContent = "";
    } catch (error) {
      readError.textContent = `Could not read the purses: ${error instanceof Error ? error.message : error}`;
    } finally {
      paging = false;
    }
  };
  const readPage = async () => {
    prefix ??= await api.query.Vouchers.Purses.getKey();
    const at = (await client.getFinalizedBlock()).hash;
    const keys = await rpc<string[]>("state_getKeysPaged", [prefix, PAGE, lastKey ?? prefix, at]);
    more.hidden = keys.length < PAGE;
    if (keys.length === 0) return;
    lastKey = keys[keys.length - 1];
    // Blake2_128Concat: the device key is the last 32 bytes of the storage key.
    const deviceKeys = keys.map((key) => `0x${key.slice(-64)}` as `0x${string}`);
    const values = await api.query.Vouchers.Purses.getValues(
      deviceKeys.map((k) => [k]),
      { at },
    );
    values.forEach((purse, i) => {
      if (purse) purses.append(purseRow(deviceKeys[i], { ...purse, status: purse.status.type }));
    });
  };
  more.addEventListener("click", () => void nextPage());
  lookupButton.addEventListener("click", async () => {
    const key = lookup.value.trim();
    try {
      const purse = await rpc<PurseAnswer | null>("vouchers_purse", [key]);
      lookupResult.replaceChildren(
        purse
          ? `${purse.status}: ${pkr(purse.escrow)} escrow of ${short(purse.owner)}, ${pkr(purse.redeemed)} redeemed, ${pkrLimit(purse.voucherCap)} per voucher, expires ${date(purse.expiresAt)}`
          : "No purse has this device key.",
      );
    } catch (error) {
      const { invalidArgument, reason } = rpcError(error);
      lookupResult.replaceChildren(
        invalidArgument ? `Not a device key: ${reason}` : `Could not read the purse: ${reason}`,
      );
    }
  });

  const refresh = async () => {
    const at = (await client.getFinalizedBlock()).hash;
    const [supply, reserve, totalClaims, totalDebts, spends, open, revoked] = await Promise.all([
      rpc<Supply>("rupee_supply", [at]),
      api.query.Rupee.GuaranteeReserve.getValue({ at }),
      api.query.Vouchers.TotalClaims.getValue({ at }),
      api.query.Vouchers.TotalDebts.getValue({ at }),
      api.query.Vouchers.DoubleSpends.getEntries({ at }),
      api.query.Vouchers.Claims.getEntries({ at }),
      rpc<Revocations>("vouchers_revocations", [at, null, REVOCATIONS_SHOWN]),
    ]);
    totals.textContent =
      `${pkr(supply.totalEscrowed)} escrowed in purses; guarantee reserve ${pkr(reserve)}; ` +
      `claims open ${pkr(totalClaims)}; owners' debts to the reserve ${pkr(totalDebts)}.`;
    doubleSpends.replaceChildren(
      ...rowsOrNone(
        spends.map(({ keyArgs: [deviceKey], value }) =>
          el(
            "tr",
            { "data-device-key": deviceKey },
            el("td", { title: deviceKey }, short(deviceKey)),
            el("td", {}, value.kind.type),
            el("td", { title: value.owner }, short(value.owner)),
            el("td", {}, short(ss58Address(value.voucher.body.payee, SS58_PREFIX))),
            el("td", {}, `#${value.voucher.body.counter} ${pkr(value.voucher.body.amount)}`),
            el("td", {}, evidence(value.voucher, value.conflicting)),
            el("td", {}, pkr(value.paid_from_escrow)),
            el("td", {}, pkr(value.paid_from_balance)),
            el("td", {}, value.claim === undefined ? "none" : `#${value.claim}`),
          ),
        ),
        9,
      ),
    );
    claims.replaceChildren(
      ...rowsOrNone(
        open.map(({ keyArgs: [id], value }) =>
          el(
            "tr",
            {},
            el("td", {}, `#${id}`),
            el("td", { title: value.claimant }, short(value.claimant)),
            el("td", { title: value.owner }, short(value.owner)),
            el("td", { title: value.device_key }, short(value.device_key)),
            el("td", {}, pkr(value.amount)),
          ),
        ),
        5,
      ),
    );
    digest.textContent = revoked.digest;
    revocationsMore.textContent = revoked.next
      ? `The first ${REVOCATIONS_SHOWN} entries; the whole list: vouchers_revocations with startAfter (docs/rpc.md).`
      : "";
    revocations.replaceChildren(
      ...rowsOrNone(
        revoked.entries.map((entry) =>
          el(
            "tr",
            {},
            el("td", { title: entry.deviceKey }, short(entry.deviceKey)),
            el("td", {}, entry.reason),
            el("td", {}, date(entry.since)),
          ),
        ),
        3,
      ),
    );
    root.dataset.updatedAt = at;
  };

  let refreshing = false;
  const update = async () => {
    if (refreshing) return;
    refreshing = true;
    try {
      await refresh();
    } catch (error) {
      readError.textContent = `Could not read the offline payments: ${error instanceof Error ? error.message : error}`;
    } finally {
      refreshing = false;
    }
  };
  void nextPage();
  void update();
  const subscription = client.finalizedBlock$.subscribe(() => void update());
  return () => subscription.unsubscribe();
}
