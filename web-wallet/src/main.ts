// The citizen's wallet: screens, and what each button does. The protocol, the keys and the
// wallet's decisions are the Rust code in ./core (WebAssembly); the chain is ./chain; what is
// kept is ./store; the words are ./words.

import "./style.css";
import { ready, thrownCode, wasm, type NewKeys, type Refusal } from "./core";
import * as chainApi from "./chain";
import { change, create, load, language, setLanguage, type HistoryEntry, type Saved } from "./store";
import { currentLang, parseRs, refusal, rs, setLang, t, when } from "./words";

// ---- State ------------------------------------------------------------------------------------

let saved: Saved | undefined;
/** The unlocked keys inside the WebAssembly module. */
let handle: number | undefined;
let chain: chainApi.Chain | undefined;
let account: chainApi.AccountAnswer | undefined;
let screen: () => void = () => {};
/** The node this visit talks to (chosen at unlock: a link naming another node asks first). */
let nodeUrl = "";
/** One online job at a time (sync, redeem, a payment): they all change the same state. */
let busy: Promise<unknown> = Promise.resolve();

const app = document.getElementById("app")!;

// ---- Building blocks ------------------------------------------------------------------------

type Attrs = Record<string, string | boolean | ((event: Event) => void)>;

function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | undefined)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") node.addEventListener(name, value);
    else if (value === true) node.setAttribute(name, "");
    else if (value !== false) node.setAttribute(name, value);
  }
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

/** Stops the camera of the screen shown, if it is scanning. */
let stopCamera: (() => void) | undefined;

function show(render: () => void): void {
  stopCamera?.();
  stopCamera = undefined;
  screen = render;
  app.replaceChildren();
  render();
  window.scrollTo(0, 0);
}

function header(title: string, back?: () => void): HTMLElement {
  return h(
    "header",
    {},
    back ? h("button", { class: "back", "data-testid": "back", click: back }, t("back")) : h("span"),
    h("h1", {}, title),
    h("button", { class: "lang", "data-testid": "language", click: () => switchLanguage() }, t("language")),
  );
}

function switchLanguage(): void {
  const next = currentLang() === "en" ? "ur" : "en";
  setLanguage(next);
  setLang(next);
  homeStatus.repaint();
  show(screen);
}

type Words = string | (() => string);

/**
 * A status line: `data-state` is working, done or refused, for people and for tests. Given
 * words as a function, it says them again in the other language when the reader switches.
 */
function status(testid: string): {
  node: HTMLElement;
  say: (words: Words, state: string) => void;
  repaint: () => void;
} {
  const node = h("p", { class: "status", "data-testid": testid, role: "status", "aria-live": "polite" });
  let last: Words = "";
  const paint = () => (node.textContent = typeof last === "function" ? last() : last);
  return {
    node,
    say: (words, state) => {
      last = words;
      paint();
      node.dataset.state = state;
    },
    repaint: paint,
  };
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", {}, h("span", {}, label), input);
}

/** An address shortened for a sentence: left to right and in one piece inside Urdu too. */
function short(address: string): string {
  const text = address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
  return currentLang() === "ur" ? `\u2066${text}\u2069` : text;
}

function state(): string {
  return saved!.state;
}

/**
 * Changes the stored wallet (store.ts `change`: one read-write transaction across all of the
 * app's tabs): `decide` gets what is stored now, never this tab's older copy.
 */
async function update<T>(
  decide: (current: Saved) => { next?: Partial<Saved>; entry?: HistoryEntry; result: T },
): Promise<T> {
  let stored: Saved | undefined;
  const result = await change((current) => {
    const { next, entry, result } = decide(current);
    if (!next && !entry) return { result };
    stored = { ...current, ...next, history: entry ? [entry, ...current.history] : current.history };
    return { next: stored, result };
  });
  saved = stored ?? (await load()) ?? saved;
  return result;
}

/** Adds to the history (and the state, if given). */
function keep(next: Partial<Saved>, entry?: HistoryEntry): Promise<void> {
  return update(() => ({ next, entry, result: undefined }));
}

function queue<T>(job: () => Promise<T>): Promise<T> {
  const run = busy.then(job, job);
  busy = run.catch(() => undefined);
  return run;
}

// ---- First run: create, restore or import ----------------------------------------------------

function setupScreen(): void {
  const line = status("setup-status");
  const pass = h("input", {
    type: "password",
    "data-testid": "passphrase",
    autocomplete: "new-password",
  }) as HTMLInputElement;
  const again = h("input", {
    type: "password",
    "data-testid": "passphrase-again",
    autocomplete: "new-password",
  }) as HTMLInputElement;
  const words = h("textarea", {
    "data-testid": "restore-words",
    rows: "3",
    autocapitalize: "none",
    spellcheck: "false",
  }) as HTMLTextAreaElement;
  const file = h("input", {
    type: "file",
    accept: "application/json,.json",
    "data-testid": "import-file",
  }) as HTMLInputElement;
  const filePass = h("input", {
    type: "password",
    "data-testid": "import-file-passphrase",
    autocomplete: "off",
  }) as HTMLInputElement;
  const start = async (make: () => string) => {
    if (pass.value !== again.value) return line.say(t("passphrasesDiffer"), "refused");
    let keys: NewKeys;
    try {
      keys = JSON.parse(make()) as NewKeys;
    } catch (error) {
      return line.say(refusal(thrownCode(error)), "refused");
    }
    const made: Saved = {
      address: keys.address,
      accountKey: keys.accountKey,
      deviceKey: keys.deviceKey,
      account: keys.account,
      device: keys.device,
      state: JSON.stringify({ accountAddress: keys.address, deviceKey: keys.deviceKey }),
      history: [],
    };
    try {
      await create(made);
    } catch {
      // Another tab of the app made a wallet first: that one is this device's.
      return line.say(t("walletExists"), "refused");
    }
    saved = made;
    open(pass.value);
    pass.value = again.value = words.value = filePass.value = "";
    if (keys.words) show(() => wordsScreen(keys.words!));
    else enter();
  };
  app.append(
    header(t("title")),
    h(
      "main",
      {},
      field(t("passphrase"), pass),
      field(t("passphraseAgain"), again),
      h(
        "button",
        { class: "primary", "data-testid": "create", click: () => start(() => wasm.newWallet(pass.value, Date.now())) },
        t("create"),
      ),
      h(
        "details",
        {},
        h("summary", {}, t("restore")),
        words,
        h(
          "button",
          { "data-testid": "restore", click: () => start(() => wasm.importWords(words.value, pass.value, Date.now())) },
          t("restore"),
        ),
      ),
      h(
        "details",
        {},
        h("summary", {}, t("importFile")),
        file,
        field(t("passphraseOfFile"), filePass),
        h(
          "button",
          {
            "data-testid": "import",
            click: async () => {
              const text = await file.files?.[0]?.text();
              if (text) await start(() => wasm.importKeystore(text, filePass.value, pass.value, Date.now()));
            },
          },
          t("importFile"),
        ),
      ),
      line.node,
    ),
  );
}

function wordsScreen(words: string): void {
  app.append(
    header(t("words")),
    h(
      "main",
      {},
      h("p", { class: "warning" }, t("wordsNote")),
      h(
        "ol",
        { class: "words", "data-testid": "words", dir: "ltr" },
        ...words.split(" ").map((word) => h("li", {}, word)),
      ),
      h("button", { class: "primary", "data-testid": "wrote-them", click: () => enter() }, t("wroteThem")),
    ),
  );
}

function unlockScreen(): void {
  const line = status("unlock-status");
  const pass = h("input", {
    type: "password",
    "data-testid": "unlock-passphrase",
    autocomplete: "current-password",
  }) as HTMLInputElement;
  const tryOpen = () => {
    try {
      open(pass.value);
      pass.value = "";
      enter();
    } catch (error) {
      line.say(
        thrownCode(error).code === "WrongPassphrase" ? t("wrongPassphrase") : refusal(thrownCode(error)),
        "refused",
      );
    }
  };
  pass.addEventListener("keydown", (event) => (event as KeyboardEvent).key === "Enter" && tryOpen());
  app.append(
    header(t("title")),
    h(
      "main",
      {},
      h("p", {}, t("unlockNote")),
      field(t("passphrase"), pass),
      h("button", { class: "primary", "data-testid": "unlock", click: tryOpen }, t("unlock")),
      line.node,
    ),
  );
}

/**
 * Decrypts the keys into the WebAssembly module. The public keys and address the app uses
 * come from the decrypted keys, and the stored ones must be theirs: a wallet whose stored
 * record was altered (another device key to fund, another address to show) does not open.
 */
function open(passphrase: string): void {
  const unlocked = JSON.parse(
    wasm.unlock(JSON.stringify(saved!.account), JSON.stringify(saved!.device), passphrase),
  ) as {
    handle: number;
    address: string;
    accountKey: string;
    deviceKey: string;
  };
  const state = JSON.parse(saved!.state) as { accountAddress?: string; deviceKey?: string };
  const matches =
    saved!.address === unlocked.address &&
    saved!.accountKey === unlocked.accountKey &&
    saved!.deviceKey === unlocked.deviceKey &&
    state.deviceKey === unlocked.deviceKey &&
    (state.accountAddress === undefined || state.accountAddress === unlocked.address);
  if (!matches) {
    wasm.lock(unlocked.handle);
    throw new Error(`KeyMismatch: ${t("r.KeyMismatch")}`);
  }
  handle = unlocked.handle;
  armIdleLock();
}

/** Minutes without a touch after which the wallet locks itself (a phone left unlocked). */
const IDLE_MINUTES = 5;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function armIdleLock(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (handle === undefined) return;
    wasm.lock(handle);
    handle = undefined;
    chain?.client.destroy();
    chain = undefined;
    show(unlockScreen);
  }, IDLE_MINUTES * 60_000);
}

for (const name of ["pointerdown", "keydown"]) {
  window.addEventListener(name, () => handle !== undefined && armIdleLock(), { passive: true });
}

function enter(): void {
  account = saved!.balance;
  nodeUrl = chainApi.endpoint(saved!.node, (url) =>
    confirm(t("otherNode", { url, saved: saved!.node ?? chainApi.DEFAULT_NODE })),
  );
  if (chain && chain.url !== nodeUrl) {
    chain.client.destroy();
    chain = undefined;
  }
  show(homeScreen);
  if (navigator.onLine) void goOnline();
}

// ---- Home -------------------------------------------------------------------------------------

function homeScreen(): void {
  const parsed = JSON.parse(state()) as { syncedAt?: number };
  const purse = wasm.spendable(state());
  const usage = account?.usage;
  const limit = (left: string | null | undefined) =>
    left === undefined ? "—" : left === null ? t("noLimit") : rs(left);
  const online = navigator.onLine && chain !== undefined;
  app.append(
    header(t("title")),
    h(
      "main",
      {},
      h(
        "section",
        { class: "card" },
        h(
          "p",
          { class: "figure" },
          h("span", {}, t("balance")),
          h("strong", { "data-testid": "balance" }, account ? rs(account.free) : "—"),
        ),
        h(
          "p",
          { class: "figure" },
          h("span", {}, t("purse")),
          h("strong", { "data-testid": "purse" }, purse === undefined ? "—" : rs(purse)),
        ),
        h(
          "p",
          { class: "figure small" },
          h("span", {}, t("todayLeft")),
          h("span", { "data-testid": "today-left" }, limit(usage?.dailyDebitLeft)),
        ),
        h(
          "p",
          { class: "figure small" },
          h("span", {}, t("monthLeft")),
          h("span", { "data-testid": "month-left" }, limit(usage?.monthlyDebitLeft)),
        ),
      ),
      h(
        "p",
        { class: online ? "online" : "offline", "data-testid": "connection", "data-online": String(online) },
        online ? t("online") : t("offline"),
        " · ",
        parsed.syncedAt ? t("syncedAt", { when: when(parsed.syncedAt) }) : t("neverSynced"),
      ),
      h(
        "nav",
        { class: "actions" },
        h("button", { class: "primary", "data-testid": "go-pay", click: () => show(payScreen) }, t("pay")),
        h(
          "button",
          {
            class: "primary",
            "data-testid": "go-receive",
            click: () => {
              receiveResult = undefined;
              show(receiveScreen);
            },
          },
          t("receive"),
        ),
        h("button", { "data-testid": "go-fund", click: () => show(fundScreen) }, t("fund")),
        h("button", { "data-testid": "sync", click: () => void goOnline(true) }, t("sync")),
        h("button", { "data-testid": "go-history", click: () => show(historyScreen) }, t("history")),
      ),
      homeStatus.node,
      setConflict
        ? h(
            "button",
            { class: "quiet", "data-testid": "trust-sets", click: () => void trustNodeSets() },
            t("trustSets"),
          )
        : undefined,
      h(
        "p",
        { class: "address" },
        h("span", {}, t("yourAddress")),
        h("code", { "data-testid": "address", dir: "ltr" }, saved!.address),
      ),
      h("button", { class: "quiet", "data-testid": "export-key", click: exportKey }, t("exportKey")),
    ),
  );
}

const homeStatus = status("home-status");
/** The last sync was refused because the node contradicts the validator sets this phone knows. */
let setConflict = false;

/**
 * After a refused sync (the node contradicts the validator sets this phone knows), the person
 * may decide this node is the one to trust: its current set replaces every set from that
 * number on. A wallet a lying node once gave a set of its own is repaired this way.
 */
async function trustNodeSets(): Promise<void> {
  const trusted = chain;
  if (!trusted || !confirm(t("trustSetsConfirm", { url: trusted.url }))) return;
  await queue(async () => {
    try {
      // The answers of the node the person agreed to, and no other.
      const answers = await chainApi.syncAnswers(trusted, state(), saved!.address, saved!.deviceKey);
      await update((current) => ({
        next: { state: wasm.applySync(current.state, answers, Date.now(), true), node: trusted.url },
        result: undefined,
      }));
      setConflict = false;
      homeStatus.say(() => t("synced"), "done");
    } catch (error) {
      const { code, detail } = thrownCode(error);
      homeStatus.say(() => refusal({ code, sentence: detail }), "refused");
    }
    refresh();
  });
}

function exportKey(): void {
  const blob = new Blob([JSON.stringify(saved!.account, null, 2)], { type: "application/json" });
  const link = h("a", {
    href: URL.createObjectURL(blob),
    download: `rupee-account-${saved!.address.slice(0, 8)}.json`,
  });
  link.click();
  URL.revokeObjectURL((link as HTMLAnchorElement).href);
}

function refresh(): void {
  if (screen === homeScreen) show(homeScreen);
}

// ---- Online: connect, sync, redeem -----------------------------------------------------------

async function goOnline(byHand = false): Promise<void> {
  if (navigator.onLine) homeStatus.say(() => t("syncing"), "working");
  await queue(async () => {
    if (!navigator.onLine) {
      if (byHand) homeStatus.say(() => t("needOnline"), "refused");
      return;
    }
    const url = nodeUrl;
    try {
      chain ??= await chainApi.connect(url);
    } catch {
      chain = undefined;
      homeStatus.say(() => t("noNode", { url }), "refused");
      refresh();
      return;
    }
    homeStatus.say(() => t("syncing"), "working");
    let syncRefused: { code: string; detail: string } | undefined;
    try {
      await syncNow();
      setConflict = false;
    } catch (error) {
      syncRefused = thrownCode(error);
      setConflict = ["OlderSet", "ChangedSet"].includes(syncRefused.code);
    }
    try {
      // Redeeming needs no validator set: what was received is claimed even when a sync is refused.
      const { credited, waiting } = await redeemReceived();
      await refreshAccount();
      if (syncRefused) {
        const { code, detail } = syncRefused;
        homeStatus.say(() => refusal({ code, sentence: detail }), "refused");
      } else if (credited > 0n) homeStatus.say(() => t("redeemedSome", { amount: rs(credited) }), "done");
      else if (waiting > 0) homeStatus.say(() => t("waitingForProofs", { count: waiting }), "done");
      else homeStatus.say(() => t("synced"), "done");
    } catch (error) {
      const { code, detail } = thrownCode(error);
      homeStatus.say(
        () =>
          code === "Refused"
            ? t("chainRefused", { why: detail })
            : code === "NotFinalYet"
              ? t("notFinalYet")
              : refusal({ code, sentence: detail }),
        "refused",
      );
    }
    refresh();
  });
}

/** The balance and limits from the node, kept for when the phone is offline. */
async function refreshAccount(): Promise<void> {
  account = await chainApi.account(chain!, saved!.address);
  const balance = account;
  await update(() => ({ next: { balance }, result: undefined }));
}

async function syncNow(): Promise<void> {
  const answers = await chainApi.syncAnswers(chain!, state(), saved!.address, saved!.deviceKey);
  await update((current) => ({
    next: { state: wasm.applySync(current.state, answers, Date.now(), false), node: chain!.url },
    result: undefined,
  }));
}

type Redeemable = {
  text: string;
  body: {
    version: number;
    genesisHash: string;
    deviceKey: string;
    counter: number;
    payee: string;
    amount: string;
    issuedAt: number;
  };
  signature: string;
};

/**
 * Redeems the vouchers this wallet accepted offline, as the CLI does: a voucher whose purse's
 * proof is not on chain yet waits (the chain covers a double spend from the guarantee reserve
 * only once it knows the purse was proved); batches of the chain's `MaxBatch`; each voucher's
 * outcome recorded from the block's events (paid, compensated as a double spend's victim, or
 * refused with the chain's reason); then a sync. Returns what was credited.
 */
async function redeemReceived(): Promise<{ credited: bigint; waiting: number }> {
  const c = chain!;
  const ready: Redeemable[] = [];
  const redeemable = JSON.parse(wasm.redeemable(state())) as Redeemable[];
  for (const voucher of redeemable) {
    const key = voucher.body.deviceKey;
    const purse = await c.rpc<{ status: string } | null>("vouchers_purse", [key]);
    const proof = await c.rpc<unknown>("vouchers_purseProof", [key]);
    if (purse?.status === "Settled" || proof) ready.push(voucher);
  }
  const waiting = redeemable.length - ready.length;
  if (ready.length === 0) return { credited: 0n, waiting };
  const batch = await chainApi.within(chainApi.RPC_MS, "Vouchers.MaxBatch", c.api.constants.Vouchers.MaxBatch());
  let credited = 0n;
  for (let start = 0; start < ready.length; start += batch) {
    const chunk = ready.slice(start, start + batch);
    const tx = c.api.tx.Vouchers.redeem({
      vouchers: chunk.map(({ body, signature }) => ({
        body: {
          version: body.version,
          genesis_hash: body.genesisHash,
          device_key: body.deviceKey,
          counter: BigInt(body.counter),
          payee: body.payee,
          amount: BigInt(body.amount),
          issued_at: BigInt(body.issuedAt),
        },
        signature,
      })),
    });
    const outcome = await chainApi.submit(tx, chainApi.signer(handle!, saved!.accountKey), (block) =>
      homeStatus.say(() => (block ? t("inBlock", { block }) : t("signing")), "working"),
    );
    // Not final in time: nothing is recorded; the next sync or redemption finds out.
    if (!outcome.ok && outcome.unknown) throw new Error(`NotFinalYet: ${outcome.reason}`);
    if (!outcome.ok) throw new Error(`Refused: ${outcome.reason}`);
    const outcomes = await chainApi.redemptions(c, outcome.events, chunk);
    credited += outcomes.paid;
    const block = outcome.block;
    // Each batch's outcomes and credit are kept as soon as it is final.
    await update((current) => ({
      next: { state: wasm.recordRedemptions(current.state, JSON.stringify(outcomes.records)) },
      entry:
        outcomes.paid > 0n ? { at: Date.now(), kind: "redeemed", amount: outcomes.paid.toString(), block } : undefined,
      result: undefined,
    }));
  }
  // The outcomes are recorded from the events; a sync the node answers wrongly changes none.
  await syncNow().catch(() => undefined);
  return { credited, waiting };
}

window.addEventListener("online", () => {
  chain?.client.destroy();
  chain = undefined;
  if (handle !== undefined) void goOnline();
});
window.addEventListener("offline", () => {
  chain?.client.destroy();
  chain = undefined;
  refresh();
});

// ---- Pay ----------------------------------------------------------------------------------------

function payScreen(): void {
  const line = status("pay-status");
  const payee = h("input", {
    "data-testid": "payee",
    autocapitalize: "none",
    spellcheck: "false",
    dir: "ltr",
  }) as HTMLInputElement;
  const amount = h("input", { "data-testid": "amount", inputmode: "decimal", dir: "ltr" }) as HTMLInputElement;
  const paisa = () => {
    const value = parseRs(amount.value);
    if (value === undefined) line.say(t("notAnAmount"), "refused");
    return value;
  };
  const offline = async () => {
    const value = paisa();
    if (value === undefined) return;
    type Paid = { ok: true; state: object; code: string };
    let answer: Paid | Refusal;
    try {
      // The voucher and its counter are stored before the code is shown.
      answer = await update<Paid | Refusal>((current) => {
        const paid = JSON.parse(wasm.payOffline(handle!, current.state, payee.value, value, Date.now())) as
          Paid | Refusal;
        if (!paid.ok) return { result: paid };
        const entry: HistoryEntry = { at: Date.now(), kind: "paid-offline", amount: value, who: payee.value.trim() };
        return { next: { state: JSON.stringify(paid.state) }, entry, result: paid };
      });
    } catch (error) {
      return line.say(refusal(thrownCode(error)), "refused");
    }
    if (!answer.ok) {
      line.node.dataset.code = answer.code;
      return line.say(t("refused", { why: refusal(answer) }), "refused");
    }
    const code = answer.code;
    show(() => payCodeScreen(code, value, payee.value.trim()));
  };
  const online = async () => {
    const value = paisa();
    if (value === undefined) return;
    if (!navigator.onLine || !chain) return line.say(t("needOnline"), "refused");
    let to: string;
    try {
      to = wasm.address(wasm.accountOf(payee.value));
    } catch (error) {
      return line.say(refusal(thrownCode(error)), "refused");
    }
    await queue(async () => {
      const tx = chain!.api.tx.Rupee.transfer({ to, amount: BigInt(value) });
      const outcome = await chainApi.submit(tx, chainApi.signer(handle!, saved!.accountKey), (block) =>
        line.say(block ? t("inBlock", { block }) : t("signing"), "working"),
      );
      if (!outcome.ok && outcome.unknown) return line.say(t("notFinalYet"), "unknown");
      if (!outcome.ok) return line.say(t("chainRefused", { why: outcome.reason }), "refused");
      await keep({}, { at: Date.now(), kind: "paid-online", amount: value, who: to, block: outcome.block });
      await refreshAccount();
      line.say(t("paidOnline", { amount: rs(value), who: short(to), block: outcome.block }), "done");
    });
  };
  app.append(
    header(t("pay"), () => show(homeScreen)),
    h(
      "main",
      {},
      field(t("payee"), payee),
      field(t("amount"), amount),
      h("button", { class: "primary", "data-testid": "pay-offline", click: offline }, t("payOffline")),
      h("button", { "data-testid": "pay-online", click: online }, t("payOnline")),
      line.node,
    ),
  );
}

function payCodeScreen(code: string, amount: string, who: string): void {
  const line = status("receipt-status");
  const reader = imageReader(
    "receipt-image",
    t("scanReceipt"),
    (text) => {
      type Kept = { ok: boolean; state?: object; amount?: string };
      void update<Kept>((current) => {
        const kept = JSON.parse(wasm.keepReceipt(current.state, text)) as Kept;
        return kept.ok ? { next: { state: JSON.stringify(kept.state) }, result: kept } : { result: kept };
      }).then((kept) =>
        kept.ok
          ? line.say(t("receiptKept", { amount: rs(kept.amount!) }), "done")
          : line.say(t("receiptNotOurs"), "refused"),
      );
    },
    line.say,
  );
  const qr = h("div", { class: "qr", "data-testid": "pay-qr", "data-code": code });
  qr.innerHTML = wasm.qrSvg(code);
  app.append(
    header(t("pay"), () => show(homeScreen)),
    h(
      "main",
      {},
      h("p", {}, t("showToPayee", { amount: rs(amount), who: short(who) })),
      qr,
      h(
        "details",
        {},
        h("summary", {}, "RPP2…"),
        h("code", { class: "code", "data-testid": "pay-code", dir: "ltr" }, code),
      ),
      reader,
      line.node,
    ),
  );
}

// ---- Receive ------------------------------------------------------------------------------------

/** Text of the QR code in an image file (a photo or a screenshot). */
async function readImage(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return wasm.readQr(canvas.width, canvas.height, new Uint8Array(pixels.data.buffer));
}

/** A file input and a camera button that read one QR code and hand its text on. */
function imageReader(
  testid: string,
  label: string,
  found: (text: string) => void,
  say: (text: string, state: string) => void,
): HTMLElement {
  const file = h("input", {
    type: "file",
    accept: "image/*",
    capture: "environment",
    "data-testid": testid,
  }) as HTMLInputElement;
  file.addEventListener("change", async () => {
    const picked = file.files?.[0];
    file.value = "";
    if (!picked) return;
    try {
      found(await readImage(picked));
    } catch (error) {
      const { code } = thrownCode(error);
      say(["NoCode", "Unreadable", "BadImage"].includes(code) ? t("noCode") : refusal({ code }), "refused");
    }
  });
  const video = h("video", { playsinline: true, muted: true, hidden: true }) as HTMLVideoElement;
  let stream: MediaStream | undefined;
  const stop = () => {
    stopCamera = undefined;
    stream?.getTracks().forEach((track) => track.stop());
    stream = undefined;
    video.hidden = true;
    camera.textContent = t("scanCamera");
  };
  const scan = async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch {
      return say(t("noCamera"), "refused");
    }
    stopCamera = stop;
    video.srcObject = stream;
    video.hidden = false;
    camera.textContent = t("stopCamera");
    await video.play();
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    while (stream) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!video.videoWidth) continue;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      try {
        const text = wasm.readQr(canvas.width, canvas.height, new Uint8Array(pixels.data.buffer));
        stop();
        return found(text);
      } catch {
        // No code in this frame yet.
      }
    }
  };
  const camera = h("button", { "data-testid": `${testid}-camera`, click: scan }, t("scanCamera"));
  return h(
    "div",
    { class: "reader" },
    camera,
    video,
    h("label", { class: "file" }, h("span", {}, label === t("scanReceipt") ? label : t("readImage")), file),
  );
}

/** The receive screen's last answer, kept while the screen is open (a language switch redraws it). */
type ReceiveResult = { state: string; words: () => string; code?: string; receipt?: string };
let receiveResult: ReceiveResult | undefined;

function receiveScreen(): void {
  const line = status("receive-result");
  const receipt = h("div", { class: "qr", "data-testid": "receipt-qr" });
  const pasted = h("textarea", {
    "data-testid": "receive-code",
    rows: "3",
    autocapitalize: "none",
    spellcheck: "false",
    dir: "ltr",
  }) as HTMLTextAreaElement;
  const paint = () => {
    receipt.replaceChildren();
    delete receipt.dataset.code;
    delete line.node.dataset.code;
    if (!receiveResult) return;
    line.say(receiveResult.words(), receiveResult.state);
    if (receiveResult.code) line.node.dataset.code = receiveResult.code;
    if (receiveResult.receipt) {
      receipt.innerHTML = wasm.qrSvg(receiveResult.receipt);
      receipt.dataset.code = receiveResult.receipt;
      receipt.prepend(h("p", {}, t("showReceipt")));
    }
  };
  const accept = async (code: string) => {
    type Accepted = { ok: true; state: object; amount: string; payer: string | null; receipt: string };
    let answer: Accepted | Refusal;
    try {
      // The voucher is stored before the payee is told it was accepted.
      answer = await update<Accepted | Refusal>((current) => {
        const got = JSON.parse(wasm.receiveOffline(handle!, current.state, code, Date.now())) as Accepted | Refusal;
        if (!got.ok) return { result: got };
        const entry: HistoryEntry = {
          at: Date.now(),
          kind: "received-offline",
          amount: got.amount,
          who: got.payer ?? undefined,
        };
        return { next: { state: JSON.stringify(got.state) }, entry, result: got };
      });
    } catch (error) {
      const thrown = thrownCode(error);
      receiveResult = { state: "refused", code: thrown.code, words: () => t("refused", { why: refusal(thrown) }) };
      return paint();
    }
    if (!answer.ok) {
      const refused = answer;
      receiveResult = { state: "refused", code: refused.code, words: () => t("refused", { why: refusal(refused) }) };
      return paint();
    }
    const { amount, payer } = answer;
    receiveResult = {
      state: "accepted",
      words: () => t("accepted", { amount: rs(amount), who: payer ? short(payer) : "?" }),
      receipt: answer.receipt,
    };
    paint();
    // Online already: credit it now.
    if (navigator.onLine && chain) void goOnline();
  };
  app.append(
    header(t("receive"), () => show(homeScreen)),
    h(
      "main",
      {},
      imageReader("receive-image", t("readImage"), (text) => void accept(text), line.say),
      field(t("pasteCode"), pasted),
      h("button", { "data-testid": "receive-check", click: () => void accept(pasted.value) }, t("check")),
      line.node,
      receipt,
    ),
  );
  paint();
}

// ---- Fund the purse ---------------------------------------------------------------------------

function fundScreen(): void {
  const line = status("fund-status");
  const amount = h("input", { "data-testid": "fund-amount", inputmode: "decimal", dir: "ltr" }) as HTMLInputElement;
  const fund = async () => {
    const value = parseRs(amount.value);
    if (value === undefined) return line.say(t("notAnAmount"), "refused");
    if (!navigator.onLine || !chain) return line.say(t("needOnline"), "refused");
    await queue(async () => {
      const tx = chain!.api.tx.Vouchers.fund_purse({ device_key: saved!.deviceKey, amount: BigInt(value) });
      const outcome = await chainApi.submit(tx, chainApi.signer(handle!, saved!.accountKey), (block) =>
        line.say(block ? t("inBlock", { block }) : t("signing"), "working"),
      );
      if (!outcome.ok && outcome.unknown) return line.say(t("notFinalYet"), "unknown");
      if (!outcome.ok) return line.say(t("chainRefused", { why: outcome.reason }), "refused");
      await keep({}, { at: Date.now(), kind: "funded", amount: value, block: outcome.block });
      line.say(t("waitingProof"), "working");
      // The validators sign the purse's new figures a few blocks later.
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        try {
          await syncNow();
        } catch (error) {
          const { code, detail } = thrownCode(error);
          return line.say(refusal({ code, sentence: detail }), "refused");
        }
        const proof = JSON.parse(wasm.proofFigures(state()) ?? "null") as { escrow: string; block: number } | null;
        if (proof && proof.block >= outcome.block) {
          await refreshAccount();
          return line.say(t("purseReady", { amount: rs(wasm.spendable(state()) ?? "0") }), "done");
        }
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      line.say(t("waitingProof"), "refused");
    });
  };
  app.append(
    header(t("fund"), () => show(homeScreen)),
    h(
      "main",
      {},
      h("p", {}, t("fundNote")),
      field(t("amount"), amount),
      h("button", { class: "primary", "data-testid": "fund", click: fund }, t("fund")),
      line.node,
    ),
  );
}

// ---- History ------------------------------------------------------------------------------------

function historyScreen(): void {
  const rows = saved!.history.map((entry) =>
    h(
      "li",
      { "data-kind": entry.kind },
      h("span", {}, t(`h.${entry.kind}`)),
      h("strong", {}, rs(entry.amount)),
      h(
        "small",
        {},
        `${when(entry.at)}${entry.who ? ` · ${short(entry.who)}` : ""}${entry.block ? ` · #${entry.block}` : ""}`,
      ),
    ),
  );
  app.append(
    header(t("history"), () => show(homeScreen)),
    h(
      "main",
      {},
      rows.length ? h("ul", { class: "history", "data-testid": "history" }, ...rows) : h("p", {}, t("emptyHistory")),
    ),
  );
}

// ---- Start --------------------------------------------------------------------------------------

async function start(): Promise<void> {
  setLang(language());
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register("./sw.js").catch((error) => console.warn("no offline cache", error));
  }
  await ready;
  saved = await load();
  show(saved ? unlockScreen : setupScreen);
}

void start();
