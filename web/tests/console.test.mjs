// The console in a real browser (Debian's Chromium driven by playwright-core) against a dev
// node: `node tests/console.test.mjs ws://127.0.0.1:PORT SCREENSHOT_DIR`. Serves dist/ (run
// `npm run build` first), then checks each page (after a payment and a purse funding) against the node's own JSON-RPC answers and
// governs through the page: a refused proposal, a governor added, a motion proposed, a too-early
// close refused, two ayes, a close that changes the supply ceiling on chain. Prints `ok - …` per
// check; any failure exits non-zero. node/tests/web_console.rs runs it on a fresh dev node.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve-static.mjs";

// PURSE_KEY: the device key of a purse Dave funded with 2,000 PKR before the run; CLOSED_KEY: a
// purse of his he closed (on the revocation list). node/tests/web_console.rs sets both up.
const [wsUrl, shots, purseKey, closedKey] = process.argv.slice(2);
if (!wsUrl || !shots || !purseKey || !closedKey) {
  console.error("usage: node tests/console.test.mjs ws://127.0.0.1:PORT SCREENSHOT_DIR PURSE_KEY CLOSED_KEY");
  process.exit(2);
}
const httpUrl = wsUrl.replace(/^ws/, "http");
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const metadataFile = fileURLToPath(new URL("../.papi/metadata/rupee.scale", import.meta.url));
/** The longest any one step may take: a transaction to finality is a few seconds on dev. */
const STEP_MS = 60_000;

let checks = 0;
function ok(condition, what, detail = "") {
  if (!condition) throw new Error(`not ok - ${what}${detail ? `: ${detail}` : ""}`);
  checks++;
  console.log(`ok - ${what}`);
}

async function rpc(method, params = []) {
  const response = await fetch(httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Runs an action and waits for the Board's status line to settle on done or refused. */
async function act(page, action) {
  await page.$eval("[data-testid=board-status]", (s) => {
    s.dataset.state = "";
    s.textContent = "";
  });
  await action();
  await page.waitForFunction(
    () => ["done", "refused"].includes(document.querySelector("[data-testid=board-status]")?.dataset.state ?? ""),
    null,
    { timeout: STEP_MS },
  );
  return page.$eval("[data-testid=board-status]", (s) => ({
    state: s.dataset.state,
    code: s.dataset.code,
    text: s.textContent,
  }));
}

async function signAs(page, name) {
  const value = await page.$eval(
    "[data-testid=signer]",
    (select, name) => [...select.options].find((o) => o.text.startsWith(`${name} `))?.value,
    name,
  );
  if (!value) throw new Error(`no signer named ${name}`);
  await page.selectOption("[data-testid=signer]", value);
  return value;
}

async function propose(page, kind, value, threshold) {
  await page.selectOption("[data-testid=motion-kind]", kind);
  await page.fill("[data-testid=motion-value]", value);
  await page.fill("[data-testid=motion-threshold]", String(threshold));
  return act(page, () => page.click("[data-testid=propose]"));
}

const motion = (page, words) => page.locator("[data-testid=motion]", { hasText: words });

async function main() {
  // The descriptors were generated from the committed metadata: it must be this node's.
  // The answer is SCALE Option<Vec<u8>>: 0x01, the compact length, the metadata.
  const answer = Buffer.from((await rpc("state_call", ["Metadata_metadata_at_version", "0x10000000"])).slice(2), "hex");
  const committed = await readFile(metadataFile);
  const mode = answer[1] & 3;
  const prefix = mode === 0 ? 1 : mode === 1 ? 2 : 4;
  const length = mode === 0 ? answer[1] >> 2 : mode === 1 ? answer.readUInt16LE(1) >> 2 : answer.readUInt32LE(1) >>> 2;
  const metadata = answer.subarray(1 + prefix);
  ok(
    answer[0] === 1 && length === metadata.length && committed.length > 0 && metadata.equals(committed),
    "the committed metadata (.papi/metadata/rupee.scale) is the node's metadata V16",
    "the runtime changed: run `npm run metadata` in web/ with a dev node running, and commit",
  );

  const server = await serve(dist);
  const site = `http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(wsUrl)}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_MS);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));

    // Overview: the supply as rupee_supply says it.
    await page.goto(`${site}#overview`);
    await page.waitForSelector("[data-testid=supply-issued][data-paisa]");
    const supply = await rpc("rupee_supply");
    const shown = await page.$eval("[data-testid=supply-issued]", (e) => e.dataset.paisa);
    ok(
      shown === String(supply.totalIssuance),
      "the overview shows the supply rupee_supply reports",
      `${shown} vs ${supply.totalIssuance}`,
    );
    const ceilingShown = await page.$eval("[data-testid=supply-ceiling]", (e) => e.dataset.paisa);
    ok(ceilingShown === String(supply.supplyCeiling), "the overview shows the ceiling rupee_supply reports");
    const head = parseInt((await rpc("chain_getHeader", [await rpc("chain_getFinalizedHead")])).number, 16);
    await page.waitForFunction(
      (n) => Number(document.querySelector("[data-testid=finalized-block]")?.textContent) >= n,
      head,
    );
    ok(true, `the overview follows finality (at least #${head}, as chain_getFinalizedHead)`);
    // Every block of the dev chain is Alice's: the tally gives her the whole series.
    const tally = await page.$eval("[data-testid=validators] li", (li) => ({
      blocks: Number(li.dataset.blocks),
      address: li.dataset.address,
    }));
    const series = Number(await page.$eval("[data-testid=payments-chart]", (c) => c.dataset.blocks));
    ok(
      tally.address === "nGPjk3tAKxjQhq4NxohyM9Bg5eThGyjvfWuQZkJncqNBNsNFc" && series >= 5 && tally.blocks === series,
      "Alice is credited with every block of the series",
      JSON.stringify({ tally, series }),
    );
    const total = Number(await page.$eval("[data-testid=payments-chart]", (c) => c.dataset.total));
    ok(total === 1, "the payments series counts the one payment made before the page opened", `total ${total}`);
    await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });

    // Board: a citizen's proposal is refused by the gate with its sentence.
    await page.goto(`${site}#board`);
    await page.waitForSelector("[data-testid=members] li");
    await signAs(page, "Dave");
    const refused = await propose(page, "ceiling", "2,000,000,000", 1);
    ok(
      refused.state === "refused" && refused.code === "7",
      "a citizen's proposal is refused with gate code 7",
      JSON.stringify(refused),
    );
    ok(refused.text.includes("Only governors may do this"), "the refusal is shown as a sentence", refused.text);
    await page.screenshot({ path: `${shots}/board-refused.png`, fullPage: true });

    // Alice, the dev chain's only governor, adds Bob (threshold 1 executes at once). A threshold
    // the Board cannot reach is refused before anything is signed.
    await signAs(page, "Alice");
    const unreachable = await propose(page, "addGovernor", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", 5);
    ok(
      unreachable.state === "refused" && unreachable.text.startsWith("Ayes needed must be a whole number from 1 to 1"),
      "an unreachable threshold is refused with a sentence",
      unreachable.text,
    );
    const bob = await page.$eval(
      "[data-testid=signer]",
      (s) => [...s.options].find((o) => o.text.startsWith("Bob "))?.value,
    );
    const added = await propose(page, "addGovernor", bob, 1);
    ok(added.state === "done", "a governor added through the console", added.text);
    await page.waitForSelector(`[data-testid=members] li[data-address="${bob}"]`);
    ok(true, "Bob is listed as a governor");

    // A motion to raise the ceiling: it appears in words, a close before the votes is refused,
    // two ayes pass it and a close executes it.
    const proposed = await propose(page, "ceiling", "2,000,000,000", 2);
    ok(proposed.state === "done", "a motion proposed through the console", proposed.text);
    const words = "raise the supply ceiling to 2,000,000,000.00 PKR";
    await motion(page, words).waitFor();
    ok(true, `the open motion reads "${words}"`);
    const early = await act(page, () => motion(page, words).locator("[data-testid=close]").click());
    ok(
      early.state === "refused" && early.code === "10",
      "a close before the votes are in is refused with gate code 10",
      JSON.stringify(early),
    );
    const aliceVote = await act(page, () => motion(page, words).locator("[data-testid=vote-aye]").click());
    ok(aliceVote.state === "done", "Alice votes aye", aliceVote.text);
    await signAs(page, "Bob");
    const bobVote = await act(page, () => motion(page, words).locator("[data-testid=vote-aye]").click());
    ok(bobVote.state === "done", "Bob votes aye", bobVote.text);
    await page.waitForFunction(
      (words) =>
        [...document.querySelectorAll("[data-testid=motion]")].some(
          (m) => m.textContent.includes(words) && m.querySelector("[data-testid=motion-ayes]")?.textContent === "2",
        ),
      words,
    );
    await page.screenshot({ path: `${shots}/board-motion.png`, fullPage: true });
    const closed = await act(page, () => motion(page, words).locator("[data-testid=close]").click());
    ok(
      closed.state === "done" && closed.text.includes("passed and was executed"),
      "Bob closes the motion: passed and executed",
      closed.text,
    );
    const after = await rpc("rupee_supply");
    ok(
      String(after.supplyCeiling) === "200000000000",
      "the supply ceiling on chain is 2,000,000,000 PKR",
      String(after.supplyCeiling),
    );
    await page.waitForFunction((words) => !document.body.textContent.includes(words), words);
    ok(true, "the closed motion is no longer open");

    // Offline payments and an account.
    await page.goto(`${site}#offline`);
    await page.waitForFunction(() =>
      (document.querySelector("[data-testid=offline-totals]")?.textContent ?? "").includes("escrowed"),
    );
    const revocations = await rpc("vouchers_revocations", []);
    const digest = await page.textContent("[data-testid=revocation-digest]");
    ok(digest === revocations.digest, "the offline page shows the revocation digest vouchers_revocations reports");
    const row = page.locator(`[data-testid=purses] tr[data-device-key="${purseKey}"]`);
    await row.waitFor();
    ok(
      (await row.textContent()).includes("2,000.00 PKR"),
      "the funded purse is listed with its escrow",
      await row.textContent(),
    );
    await page.fill("[data-testid=purse-key]", purseKey);
    await page.click("[data-testid=purse-lookup-button]");
    await page.waitForFunction(() => (document.querySelector("[data-testid=purse-lookup]")?.textContent ?? "") !== "");
    const found = await page.textContent("[data-testid=purse-lookup]");
    ok(found.startsWith("Active: 2,000.00 PKR escrow"), "a purse looked up by its device key", found);
    const revoked = page.locator("[data-testid=revocations] tr", { hasText: closedKey.slice(0, 8) });
    await revoked.waitFor();
    ok(
      (await revoked.textContent()).includes("Closed"),
      "the closed purse is on the revocation list",
      await revoked.textContent(),
    );
    await page.screenshot({ path: `${shots}/offline.png`, fullPage: true });

    const dave = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
    await page.goto(`${site}#account/${dave}`);
    await page.waitForSelector("[data-testid=account-facts]");
    const account = await rpc("rupee_account", [dave]);
    const balance = await page.textContent("[data-fact=Balance] td");
    const expected = `${(BigInt(account.free) / 100n).toLocaleString("en-US")}.${(BigInt(account.free) % 100n).toString().padStart(2, "0")} PKR`;
    ok(balance === expected, "the account page shows the balance rupee_account reports", `${balance} vs ${expected}`);
    const tier = await page.textContent("[data-fact=Tier] td");
    ok(tier === "L0", "the account page shows the KYC tier", tier);
    await page.waitForSelector("[data-testid=account-history][data-done]", { timeout: 120_000 });
    const history = await page.textContent("[data-testid=account-history]");
    ok(
      history.includes("paid 5.00 PKR") && history.includes("moved into an offline purse"),
      "the account's history shows its payment and its purse funding",
      history,
    );
    await page.screenshot({ path: `${shots}/account.png`, fullPage: true });
    await page.goto(`${site}#account/not-an-address`);
    const bad = await page.waitForSelector("[data-testid=account-error]");
    ok(
      (await bad.textContent()).startsWith("Not an account address"),
      "a malformed address is answered with a sentence",
    );
    // A bank (Institution tier) has no daily limit: the chain says null, the page "no limit".
    const bank = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    ok((await rpc("rupee_account", [bank])).usage.dailyDebitLeft === null, "rupee_account: no limit is null");
    await page.goto(`${site}#account/${bank}`);
    const facts = await page
      .waitForFunction(() => document.querySelector("[data-testid=account-facts]")?.textContent.includes("Paid today"))
      .then(() => page.textContent("[data-testid=account-facts]"));
    ok(/Paid today[\d,]+\.\d\d PKR \(no limit\)/.test(facts), "a bank's limits read as no limit", facts);

    ok(errors.length === 0, "no uncaught error in the page", errors.join("; "));
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${checks} checks passed; screenshots in ${shots}`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
