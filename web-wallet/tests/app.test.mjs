// The citizen's wallet in a real browser (Debian's Chromium, driven by playwright-core) against
// a dev node: two phones (browser contexts, 360 px wide), a payer and a payee, each create a
// wallet; Bank A (Bob, a dev key) registers both and sends the payer money; the payer funds its
// purse online; both go offline; the payer's QR code, read from a screenshot, is accepted by
// the payee (after a reload with no network: the service worker serves the app); a forged
// payment is refused with its sentence; the payer keeps the payee's receipt; back online the
// payee's wallet redeems, and its balance rises on chain by the amount. Screenshots of each
// screen in English and Urdu land in the given directory.
//
//   node --experimental-websocket tests/app.test.mjs ws://127.0.0.1:9944 <screenshot dir>
//
// node/tests/web_wallet.rs runs it on a fresh dev node after scripts/test.sh built the app
// (scripts/build-web-wallet.sh, npm ci, npm run build). Prints `ok - …` per check and a
// cargo-style `test result:` line; any failure exits non-zero.

import { readFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from "@polkadot-labs/hdkd-helpers";
import { rupee } from "@polkadot-api/descriptors";
import { createClient } from "polkadot-api";
import { getPolkadotSigner } from "polkadot-api/signer";
import { getWsProvider } from "polkadot-api/ws";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve-static.mjs";
import init, * as core from "../pkg/rupee_web_wasm.js";

const [nodeUrl = "ws://127.0.0.1:9944", shots = "/tmp/web-wallet-shots"] = process.argv.slice(2);
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
/** `keyring.addFromUri('//Alice').toJson('rupee')` from @polkadot/keyring (the CLI's tests open it too). */
const aliceKeyFile = fileURLToPath(new URL("../../wallet-core/tests/data/polkadot-js-alice.json", import.meta.url));
/** The longest one step may take: a transaction to finality is a few seconds on dev. */
const STEP_MS = 60_000;
const PASSPHRASE = "correct horse battery";
const PAYMENT = "250.00";
/** An amount as the app writes it: "Rs", a no-break space, the figure. */
const rs = (figure) => `Rs\u00a0${figure}`;

let passed = 0;
let failed = 0;
function ok(condition, what, detail = "") {
  if (condition) {
    passed += 1;
    console.log(`ok - ${what}`);
  } else {
    failed += 1;
    console.log(`not ok - ${what}${detail ? `: ${detail}` : ""}`);
  }
  return condition;
}

function finish(code) {
  const state = failed === 0 && code === 0 ? "ok" : "FAILED";
  console.log(
    `test result: ${state}. ${passed} passed; ${failed + (code && !failed ? 1 : 0)} failed (web-wallet app in Chromium)`,
  );
  process.exit(failed === 0 ? code : 1);
}

// ---- The bank's side: a plain polkadot-api client with Bank A's dev key ----------------------

const client = createClient(getWsProvider(nodeUrl));
const api = client.getTypedApi(rupee);
const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
const bobPair = derive("//Bob");
const bob = getPolkadotSigner(bobPair.publicKey, "Sr25519", bobPair.sign);
const rpc = (method, params = []) => client._request(method, params);

async function bank(tx, what) {
  const result = await Promise.race([
    tx.signAndSubmit(bob),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: not final in time`)), STEP_MS)),
  ]);
  if (!ok(result.ok, what, JSON.stringify(result.dispatchError))) throw new Error(`${what} failed`);
}

async function freeOf(address) {
  return BigInt((await rpc("rupee_account", [address])).free);
}

// ---- The phones --------------------------------------------------------------------------------

const server = await serve(dist);
const appUrl = `http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(nodeUrl)}`;
await mkdir(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

/** What each phone's app asked in a dialog (the node a link names), by phone name. */
const asked = {};

async function phone(name, { agree = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  page.on("dialog", (dialog) => {
    (asked[name] ??= []).push(dialog.message());
    void (agree ? dialog.accept() : dialog.dismiss());
  });
  page.on("pageerror", (error) => console.log(`# ${name}: page error: ${error.message}`));
  return { name, context, page };
}

const byId = (page, id) => page.locator(`[data-testid="${id}"]`);

async function shot(who, screen) {
  const lang = await who.page.evaluate(() => document.documentElement.lang);
  await who.page.screenshot({ path: join(shots, `${who.name}-${screen}-${lang}.png`), fullPage: true });
}

/** Takes a screenshot of the screen in both languages and checks it fits 360 px. */
async function bothLanguages(who, screen) {
  await shot(who, screen);
  const narrow = await who.page.evaluate(() => document.documentElement.scrollWidth);
  ok(narrow <= 360, `${who.name}: ${screen} fits a 360 px screen in English`, `${narrow} px`);
  await byId(who.page, "language").click();
  const dir = await who.page.evaluate(() => document.documentElement.dir);
  ok(dir === "rtl", `${who.name}: ${screen} in Urdu is laid out right to left`);
  await shot(who, screen);
  const wide = await who.page.evaluate(() => document.documentElement.scrollWidth);
  ok(wide <= 360, `${who.name}: ${screen} fits a 360 px screen in Urdu`, `${wide} px`);
  await byId(who.page, "language").click();
}

async function status(page, id, states) {
  const line = byId(page, id);
  await page.waitForFunction(
    ([id, states]) => states.includes(document.querySelector(`[data-testid="${id}"]`)?.dataset.state),
    [id, states],
    { timeout: STEP_MS * 2 },
  );
  return { state: await line.getAttribute("data-state"), text: (await line.textContent()) ?? "" };
}

/** The wallet record the app keeps in IndexedDB (or, with `replace`, overwrites it). */
function record(page, replace) {
  return page.evaluate(
    (replace) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("rupee-wallet");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction("wallet", replace ? "readwrite" : "readonly").objectStore("wallet");
          const request = replace ? store.put(replace, "main") : store.get("main");
          request.onsuccess = () => resolve(replace ? null : request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    replace,
  );
}

async function createWallet(who) {
  await who.page.goto(appUrl);
  await byId(who.page, "create").waitFor();
  await byId(who.page, "passphrase").fill(PASSPHRASE);
  await byId(who.page, "passphrase-again").fill(PASSPHRASE);
  await byId(who.page, "create").click();
  const words = (await byId(who.page, "words").locator("li").allTextContents()).map((w) => w.trim());
  ok(words.length === 12, `${who.name}: a new wallet shows its 12 words once`, words.join(" "));
  if (who.name === "payer") await bothLanguages(who, "words");
  await byId(who.page, "wrote-them").click();
  ok(
    asked[who.name]?.some((question) => question.includes(nodeUrl)),
    `${who.name}: a link naming a node (?rpc=) is followed only after the person agrees`,
    JSON.stringify(asked[who.name]),
  );
  const address = (await byId(who.page, "address").textContent()).trim();
  ok(/^[1-9A-HJ-NP-Za-km-z]{47,50}$/.test(address), `${who.name}: the home screen shows its address`, address);
  const stored = await record(who.page);
  const fields = Object.keys(stored)
    .filter((name) => name !== "node")
    .sort()
    .join(",");
  const keyFile = (file) =>
    Object.keys(file).sort().join(",") === "address,encoded,encoding,meta" &&
    file.encoding.content.join(",") === "pkcs8,sr25519";
  const text = JSON.stringify(stored);
  ok(
    fields === "account,accountKey,address,device,deviceKey,history,state" &&
      keyFile(stored.account) &&
      keyFile(stored.device) &&
      // (Two words in a row: one short word may well occur by chance inside the encrypted base64.)
      !words.some((word, at) => at > 0 && text.includes(`${words[at - 1]} ${word}`)) &&
      !text.includes(PASSPHRASE),
    `${who.name}: the stored wallet holds keys encrypted (polkadot.js keystore) and no words or passphrase`,
    fields,
  );
  return address;
}

async function run() {
  await init({ module_or_path: await readFile(new URL("../pkg/rupee_web_wasm_bg.wasm", import.meta.url)) });
  const payer = await phone("payer");
  const payee = await phone("payee");

  // 1. Setup in both languages, then two wallets.
  await payer.page.goto(appUrl);
  await byId(payer.page, "create").waitFor();
  await bothLanguages(payer, "setup");
  await byId(payer.page, "passphrase").fill("short");
  await byId(payer.page, "passphrase-again").fill("short");
  await byId(payer.page, "create").click();
  const short = await status(payer.page, "setup-status", ["refused"]);
  ok(short.text.includes("at least 8 characters"), "a short passphrase is refused with its sentence", short.text);
  const payerAddress = await createWallet(payer);
  const payeeAddress = await createWallet(payee);

  // An account moves in: restored from its 12 words, or imported from a polkadot.js key file
  // (whose passphrase differs from the wallet's): the same account polkadot.js derives.
  // The restorer says no to the link's node: the app keeps to its own (here the default
  // local one, which does not answer), never the linked one.
  const restorer = await phone("restorer", { agree: false });
  await restorer.page.goto(appUrl);
  await byId(restorer.page, "passphrase").fill(PASSPHRASE);
  await byId(restorer.page, "passphrase-again").fill(PASSPHRASE);
  await restorer.page.locator("details summary").nth(0).click();
  await byId(restorer.page, "restore-words").fill(`  ${DEV_PHRASE.toUpperCase()} `);
  await byId(restorer.page, "restore").click();
  const restored = (await byId(restorer.page, "address").textContent()).trim();
  ok(
    restored === ss58Address(derive("").publicKey, 1947),
    "12 words restore the account polkadot.js derives from them",
    restored,
  );
  const declined = await restorer.page
    .waitForFunction(
      () => document.querySelector('[data-testid="home-status"]')?.textContent?.includes("ws://127.0.0.1:9944"),
      null,
      { timeout: STEP_MS },
    )
    .then(
      () => true,
      () => false,
    );
  ok(
    declined && asked.restorer?.length === 1,
    "a link's node the person declines is not used (the app keeps to its own)",
    await byId(restorer.page, "home-status").textContent(),
  );
  await restorer.context.close();
  const importer = await phone("importer");
  await importer.page.goto(appUrl);
  await byId(importer.page, "passphrase").fill(PASSPHRASE);
  await byId(importer.page, "passphrase-again").fill(PASSPHRASE);
  await importer.page.locator("details summary").nth(1).click();
  await byId(importer.page, "import-file").setInputFiles(aliceKeyFile);
  await byId(importer.page, "import-file-passphrase").fill("not it");
  await byId(importer.page, "import").click();
  const wrongFile = await status(importer.page, "setup-status", ["refused"]);
  ok(wrongFile.text.includes("does not open the key file"), "a key file's wrong passphrase is refused", wrongFile.text);
  await byId(importer.page, "import-file").setInputFiles(aliceKeyFile);
  await byId(importer.page, "import-file-passphrase").fill("rupee");
  await byId(importer.page, "import").click();
  const imported = (await byId(importer.page, "address").textContent()).trim();
  ok(
    imported === ss58Address(derive("//Alice").publicKey, 1947),
    "a polkadot.js key file imports its account",
    imported,
  );
  await importer.context.close();

  // 2. Bank A registers both and pays the payer Rs 5,000.
  const year = BigInt(Date.now() + 365 * 24 * 3600 * 1000);
  const commitment = "0x" + "ab".repeat(32);
  for (const [who, tier] of [
    [payerAddress, "L1"],
    [payeeAddress, "Merchant"],
  ]) {
    await bank(
      api.tx.Kyc.register_account({
        who,
        tier: { type: tier, value: undefined },
        expires_at: year,
        commitment,
        linked_bank: ss58Address(bobPair.publicKey, 1947),
      }),
      `Bank A registers ${who.slice(0, 8)}… as ${tier}`,
    );
  }
  await bank(api.tx.Rupee.transfer({ to: payerAddress, amount: 500_000n }), "Bank A sends the payer Rs 5,000.00");

  // 3. Online: the payer sees the money and its limits, and funds its purse.
  await byId(payer.page, "sync").click();
  await payer.page.waitForFunction(
    () => document.querySelector('[data-testid="balance"]')?.textContent === "Rs\u00a05,000.00",
  );
  ok(true, "the payer's balance reads Rs 5,000.00 after a sync");
  const today = (await byId(payer.page, "today-left").textContent()).trim();
  ok(/^Rs\u00a0[\d,]+\.\d\d$/.test(today), "the payer sees what is left to spend today", today);
  await bothLanguages(payer, "home");
  await byId(payer.page, "go-fund").click();
  await byId(payer.page, "fund-amount").fill("1,000");
  await byId(payer.page, "fund").click();
  const funded = await status(payer.page, "fund-status", ["done", "refused"]);
  ok(
    funded.state === "done" && funded.text.includes(rs("1,000.00")),
    "the purse is funded and its proof signed by the validators",
    funded.text,
  );
  await bothLanguages(payer, "fund");
  await byId(payer.page, "back").click();
  ok((await byId(payer.page, "purse").textContent()) === rs("1,000.00"), "the home screen shows the purse");
  // The payee syncs once while online (validator set, revocation list, its tier).
  await byId(payee.page, "sync").click();
  ok((await status(payee.page, "home-status", ["done", "refused"])).state === "done", "the payee syncs while online");
  const payeeBefore = await freeOf(payeeAddress);

  // 4. Both phones lose the network.
  await payer.context.setOffline(true);
  await payee.context.setOffline(true);
  await payer.page.waitForFunction(
    () => document.querySelector('[data-testid="connection"]')?.dataset.online === "false",
  );
  ok(true, "the payer's app says it is offline");

  // 5. The payer pays offline: a QR code.
  await byId(payer.page, "go-pay").click();
  await bothLanguages(payer, "pay");
  await byId(payer.page, "payee").fill(payeeAddress);
  await byId(payer.page, "amount").fill("1,500");
  await byId(payer.page, "pay-offline").click();
  const tooMuch = await status(payer.page, "pay-status", ["refused"]);
  ok(
    (await byId(payer.page, "pay-status").getAttribute("data-code")) === "InsufficientPurse" &&
      tooMuch.text.includes(rs("1,000.00")),
    "paying more than the purse holds is refused, saying what is left",
    tooMuch.text,
  );
  await byId(payer.page, "amount").fill(PAYMENT);
  await byId(payer.page, "pay-offline").click();
  const qr = byId(payer.page, "pay-qr");
  await qr.waitFor();
  const code = await qr.getAttribute("data-code");
  ok(code?.startsWith("RPP2"), "the payer's QR code holds a payment code (voucher + purse proof)");
  const paid = JSON.parse((await record(payer.page)).state);
  ok(
    paid.nextCounter === 1 && paid.sent.length === 1 && paid.sent[0].counter === 0,
    "the voucher and its counter were stored before the QR code was shown",
    `nextCounter ${paid.nextCounter}, ${paid.sent.length} sent`,
  );
  const qrPng = await qr.screenshot();
  await bothLanguages(payer, "pay-qr");

  // A second tab of the same wallet (the installed app and a browser tab, say), opened offline:
  // each payment takes the next counter from what is stored, never one the other tab used.
  const tab = await payer.context.newPage();
  tab.setDefaultTimeout(STEP_MS);
  await tab.goto(appUrl);
  await byId(tab, "unlock-passphrase").fill(PASSPHRASE);
  await byId(tab, "unlock").click();
  for (const page of [tab, payer.page]) {
    if (page === payer.page) await byId(page, "back").click();
    await byId(page, "go-pay").click();
    await byId(page, "payee").fill(payeeAddress);
    await byId(page, "amount").fill("10");
    await byId(page, "pay-offline").click();
    await byId(page, "pay-qr").waitFor();
  }
  const counters = JSON.parse((await record(payer.page)).state).sent.map((sent) => sent.counter);
  ok(counters.join(",") === "0,1,2", "two tabs of one wallet never sign with the same counter", counters.join(","));
  await tab.close();

  // 6. The payee, offline, reloads the app and reads the QR. The app's server is gone: only the
  // service worker's cache can serve it (Chromium's offline mode does not cover a service
  // worker's own fetches).
  server.closeAllConnections();
  server.close();
  const kept = await record(payee.page);
  await record(payee.page, { ...kept, deviceKey: "0x" + "77".repeat(32) });
  await payee.page.reload();
  await byId(payee.page, "unlock-passphrase").fill(PASSPHRASE);
  await byId(payee.page, "unlock").click();
  const altered = await status(payee.page, "unlock-status", ["refused"]);
  ok(
    altered.text.startsWith("the stored wallet was altered"),
    "a stored wallet whose device key was swapped does not open (funding would go to another key)",
    altered.text,
  );
  await record(payee.page, kept);
  await payee.page.reload();
  await byId(payee.page, "unlock-passphrase").fill("not the passphrase");
  await byId(payee.page, "unlock").click();
  const wrong = await status(payee.page, "unlock-status", ["refused"]);
  ok(wrong.text === "That passphrase does not open this wallet.", "a wrong passphrase is refused", wrong.text);
  await bothLanguages(payee, "unlock");
  await byId(payee.page, "unlock-passphrase").fill(PASSPHRASE);
  await byId(payee.page, "unlock").click();
  await byId(payee.page, "go-receive").waitFor();
  ok(true, "the app opens offline from the service worker's cache after a reload");
  await byId(payee.page, "go-receive").click();
  await bothLanguages(payee, "receive");
  await byId(payee.page, "receive-image").setInputFiles({ name: "payment.png", mimeType: "image/png", buffer: qrPng });
  const accepted = await status(payee.page, "receive-result", ["accepted", "refused"]);
  ok(
    accepted.state === "accepted" &&
      accepted.text.startsWith(`Accepted ${rs(PAYMENT)} from `) &&
      accepted.text.includes("next time this phone is online"),
    "the payee accepts the payment offline, in one sentence that says when it is paid",
    accepted.text,
  );
  await bothLanguages(payee, "received");
  const receiptPng = await byId(payee.page, "receipt-qr").locator("svg").screenshot();

  // 7. A forged payment: the same voucher with its purse's escrow inflated.
  const decoded = JSON.parse(core.decodePayment(code));
  const proof = Buffer.from(decoded.proof.slice(2), "hex");
  proof[96 + 4] ^= 0x40; // the statement's escrow (after genesis, device key and owner)
  const forged = core.paymentCode(decoded.voucher, "0x" + proof.toString("hex"));
  await byId(payee.page, "receive-code").fill(forged);
  await byId(payee.page, "receive-check").click();
  await payee.page.waitForFunction(
    () => document.querySelector('[data-testid="receive-result"]')?.dataset.code === "ForgedProof",
  );
  const refused = (await byId(payee.page, "receive-result").textContent()).trim();
  ok(
    refused ===
      "Refused: the purse proof is not signed by the chain's validators: the purse or its figures are made up",
    "a forged payment is refused with its sentence",
    refused,
  );
  await byId(payee.page, "receive-code").fill(code);
  await byId(payee.page, "receive-check").click();
  await payee.page.waitForFunction(
    () => document.querySelector('[data-testid="receive-result"]')?.dataset.code === "CounterSeen",
  );
  ok(true, "the same payment shown twice is refused (a copy or a double spend)");
  await bothLanguages(payee, "refused");

  // 8. The payer keeps the payee's receipt.
  await byId(payer.page, "receipt-image").setInputFiles({
    name: "receipt.png",
    mimeType: "image/png",
    buffer: receiptPng,
  });
  const receipt = await status(payer.page, "receipt-status", ["done", "refused"]);
  ok(
    receipt.state === "done" && receipt.text.includes(rs(PAYMENT)),
    "the payer reads and keeps the payee's receipt",
    receipt.text,
  );

  // 9. Back online, the payee's wallet redeems on its own; the chain pays it.
  await byId(payee.page, "back").click();
  await payee.context.setOffline(false);
  const credited = await payee.page
    .waitForFunction(
      () => document.querySelector('[data-testid="home-status"]')?.textContent?.includes("paid into your account"),
      null,
      { timeout: STEP_MS * 2 },
    )
    .then(
      () => true,
      () => false,
    );
  ok(credited, "the payee's app redeems once online and says so", await byId(payee.page, "home-status").textContent());
  const after = await freeOf(payeeAddress);
  ok(
    after - payeeBefore === 25_000n,
    "on chain, the payee's balance rose by the payment",
    `${payeeBefore} -> ${after}`,
  );
  await byId(payee.page, "go-history").click();
  const kinds = await byId(payee.page, "history")
    .locator("li")
    .evaluateAll((rows) => rows.map((row) => row.dataset.kind));
  ok(
    kinds.includes("redeemed") && kinds.includes("received-offline"),
    "the payee's history lists the payment and its credit",
    kinds.join(","),
  );
  await bothLanguages(payee, "history");
  await payer.context.setOffline(false);
}

let code = 0;
try {
  await run();
} catch (error) {
  console.log(`not ok - the run stopped: ${error?.stack ?? error}`);
  code = 1;
} finally {
  await browser.close();
  server.close();
  client.destroy();
}
finish(code);
