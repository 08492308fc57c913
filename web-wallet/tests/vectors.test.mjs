// The offline-payment test vectors (docs/offline-payments-vectors.txt) checked by the web app's
// WebAssembly build of rupee-protocol in a real browser (Debian's Chromium, driven by
// playwright-core): the browser decodes, encodes and verifies the documented bytes exactly as
// the chain and the CLI do, and makes and reads the payment code's QR code with the CLI's code. Run scripts/build-web-wallet.sh first, then
// `node tests/vectors.test.mjs`. Prints `ok - ...` per check; any failure exits non-zero.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve-static.mjs";

/** web-wallet/: pkg/ (the WebAssembly build) and tests/blank.html, the page the checks run in. */
const root = fileURLToPath(new URL("../", import.meta.url));
const vectorsFile = fileURLToPath(new URL("../../docs/offline-payments-vectors.txt", import.meta.url));

/** name = value lines of the vectors file. */
function parse(text) {
  const vectors = {};
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    const [name, value] = line.split(" = ");
    vectors[name] = value;
  }
  return vectors;
}

/** The checks, run inside the page: each returns [what, passed, detail]. */
async function inPage(vectors) {
  const rupee = await import("/pkg/rupee_web_wasm.js");
  await rupee.default();
  const results = [];
  const check = (what, passed, detail = "") => results.push([what, Boolean(passed), String(detail)]);
  const refusal = (call) => {
    try {
      call();
      return "no refusal";
    } catch (error) {
      return error.message;
    }
  };
  /** `hex` with byte `index` flipped. */
  const flip = (hex, index) => {
    const at = 2 + index * 2;
    const byte = (parseInt(hex.slice(at, at + 2), 16) ^ 1).toString(16).padStart(2, "0");
    return hex.slice(0, at) + byte + hex.slice(at + 2);
  };

  const decoded = JSON.parse(rupee.decodePayment(vectors.payload_text));
  check("the payment code decodes to the documented payload bytes", decoded.bytes === vectors.payload, decoded.bytes);
  check(
    "its voucher and proof are the documented ones",
    decoded.voucher === vectors.voucher && decoded.proof === vectors.proof,
  );
  check(
    "the payload's bytes encode to the documented code",
    rupee.paymentCodeOfBytes(vectors.payload) === vectors.payload_text,
  );
  check(
    "a voucher and a proof make the same code",
    rupee.paymentCode(vectors.voucher, vectors.proof) === vectors.payload_text,
  );
  check("the payload is 491 bytes", (decoded.bytes.length - 2) / 2 === 491);
  check(
    "the voucher reads as documented (counter 7, 250.00 PKR, set 3, 3 signatures)",
    decoded.body.counter === 7 && decoded.body.amount === "25000" && decoded.setId === 3 && decoded.signatures === 3,
    JSON.stringify(decoded.body),
  );
  check(
    "the voucher's signing payload is the documented one",
    rupee.voucherSigningPayload(vectors.voucher) === vectors.voucher_signing_payload,
  );
  check("the documented voucher's signature verifies", rupee.voucherSignatureIsValid(vectors.voucher) === true);
  const forged = flip(vectors.voucher, vectors.voucher.length / 2 - 2);
  check("a voucher with one signature bit changed does not", rupee.voucherSignatureIsValid(forged) === false);
  check(
    "the statement's signing payload for set 3 is the documented one",
    rupee.statementSigningPayload(vectors.statement, 3) === vectors.statement_signing_payload_set_3,
  );
  const authorities = [0, 1, 2, 3].map((i) => [vectors[`set_3_authority_${i}`], 1]);
  const sets = JSON.stringify([{ setId: 3, authorities }]);
  check(
    "the proof verifies against set 3",
    rupee.checkProof(vectors.proof, sets) == null,
    rupee.checkProof(vectors.proof, sets),
  );
  check(
    "a proof whose statement changed is refused",
    rupee.checkProof(flip(vectors.proof, 0), sets) === "BadSignature",
  );
  check(
    "a proof of a set the wallet does not hold cannot be verified",
    rupee.checkProof(vectors.proof, "[]") === "UnknownSet(3)",
  );
  const bigger = JSON.stringify([
    { setId: 3, authorities: [...authorities, [vectors.set_3_authority_0.replace(/.$/, "0"), 3]] },
  ]);
  check(
    "three of a set weighing 7 are not enough",
    rupee.checkProof(vectors.proof, bigger) === "NotEnoughSignatures",
    rupee.checkProof(vectors.proof, bigger),
  );
  const damaged =
    vectors.payload_text.slice(0, 40) + (vectors.payload_text[40] === "A" ? "B" : "A") + vectors.payload_text.slice(41);
  check(
    "a damaged code is refused by its checksum",
    refusal(() => rupee.decodePayment(damaged)).startsWith("BadChecksum:"),
    refusal(() => rupee.decodePayment(damaged)),
  );
  check(
    "text that is no payment code is refused",
    refusal(() => rupee.decodePayment("hello")).startsWith("NotAVoucher:"),
  );
  check("bad hex is refused", refusal(() => rupee.voucherSignatureIsValid("0xzz")).startsWith("BadHex:"));

  // Signing in the browser: the device's key signs with the browser's randomness.
  const seed = "0x" + "07".repeat(32);
  const body = decoded.body;
  const signed = rupee.signVoucher(seed, body.genesisHash, 8, body.payee, "1250", 1797000000000);
  check("a voucher signed in the browser verifies", rupee.voucherSignatureIsValid(signed) === true);
  const again = rupee.signVoucher(seed, body.genesisHash, 8, body.payee, "1250", 1797000000000);
  check("two signatures of one voucher differ (randomness from the browser)", again !== signed);
  check(
    "a counter that is no whole number is refused",
    refusal(() => rupee.signVoucher(seed, body.genesisHash, -1, body.payee, "1250", 1797000000000)).startsWith(
      "BadNumber:",
    ),
  );
  check(
    "an amount that is no number of paisa is refused",
    refusal(() => rupee.signVoucher(seed, body.genesisHash, 9, body.payee, "12.50", 1797000000000)).startsWith(
      "BadAmount:",
    ),
  );
  const code = JSON.parse(rupee.decodePayment(rupee.paymentCode(signed, vectors.proof)));
  check(
    "its payment code carries the device's key, the counter and the amount",
    code.body.deviceKey === rupee.publicKey(seed) && code.body.counter === 8 && code.body.amount === "1250",
    JSON.stringify(code.body),
  );

  // QR codes with the CLI's own code: the payment code drawn as SVG, rendered by the browser at
  // phone-screen size, read back from the canvas's pixels.
  const svg = rupee.qrSvg(vectors.payload_text);
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 360;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  context.drawImage(image, 0, 0, 360, 360);
  const pixels = context.getImageData(0, 0, 360, 360);
  const read = rupee.readQr(360, 360, pixels.data);
  check("the payment code's QR code, drawn at 360 px, reads back", read === vectors.payload_text, read.slice(0, 40));
  context.fillStyle = "#fff";
  context.fillRect(0, 0, 360, 360);
  const blank = context.getImageData(0, 0, 360, 360);
  check("a blank image has no code", refusal(() => rupee.readQr(360, 360, blank.data)).startsWith("NoCode:"));
  check(
    "pixels that do not match the size are refused",
    refusal(() => rupee.readQr(361, 360, blank.data)).startsWith("BadImage:"),
  );
  return results;
}

const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
let failed = 0;
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/tests/blank.html`);
  const vectors = parse(await readFile(vectorsFile, "utf8"));
  const results = await page.evaluate(inPage, vectors);
  for (const [what, passed, detail] of results) {
    if (passed) console.log(`ok - ${what}`);
    else {
      failed++;
      console.log(`not ok - ${what}${detail ? `: ${detail}` : ""}`);
    }
  }
  // cargo's summary line, which scripts/test.sh adds up.
  const verdict = failed ? "FAILED" : "ok";
  console.log(
    `test result: ${verdict}. ${results.length - failed} passed; ${failed} failed (web-wallet vectors in Chromium)`,
  );
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
