// Everything the app says, in English and Urdu (right to left). Amounts are always
// "Rs 1,250.00", kept left to right inside Urdu sentences.

import type { Refusal } from "./core";

export type Lang = "en" | "ur";

let lang: Lang = "en";

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  document.documentElement.dir = next === "ur" ? "rtl" : "ltr";
}

export function currentLang(): Lang {
  return lang;
}

/**
 * "Rs 1,250.00" from paisa (a decimal string or number): never broken across lines (a
 * no-break space), left to right in any sentence.
 */
export function rs(paisa: string | number | bigint): string {
  const value = BigInt(paisa);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rupees = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `Rs\u00a0${negative ? "-" : ""}${rupees}.${(abs % 100n).toString().padStart(2, "0")}`;
  return lang === "ur" ? `\u2066${text}\u2069` : text;
}

/** Paisa from what a person typed ("1,250.50", "1250.5", "Rs 20"); undefined if it is not an amount. */
export function parseRs(text: string): string | undefined {
  const clean = text
    .replace(/^\s*(Rs\.?|PKR)\s*/i, "")
    .replace(/,/g, "")
    .trim();
  const match = /^(\d{0,15})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return undefined;
  return (BigInt(match[1] || "0") * 100n + BigInt((match[2] ?? "").padEnd(2, "0") || "0")).toString();
}

/** A date and time as the reader writes it. */
export function when(ms: number): string {
  return new Date(ms).toLocaleString(lang === "ur" ? "ur-PK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

type Words = Record<string, [string, string]>;

const WORDS: Words = {
  title: ["Digital Rupee", "ڈیجیٹل روپیہ"],
  language: ["اردو", "English"],
  create: ["Create a new wallet", "نیا والیٹ بنائیں"],
  restore: ["Restore from my 12 words", "اپنے 12 الفاظ سے بحال کریں"],
  importFile: ["Import a key file", "کی فائل درآمد کریں"],
  passphrase: ["Passphrase (at least 8 characters)", "پاس فریز (کم از کم 8 حروف)"],
  passphraseAgain: ["The passphrase again", "پاس فریز دوبارہ"],
  passphraseOfFile: [
    "The key file's passphrase (the wallet's is the one above)",
    "کی فائل کا پاس فریز (والیٹ کا پاس فریز اوپر والا ہے)",
  ],
  walletExists: [
    "A wallet was already made on this device (in another tab): reload the page to open it.",
    "اس ڈیوائس پر والیٹ پہلے ہی بن چکا ہے (کسی اور ٹیب میں): کھولنے کے لیے صفحہ دوبارہ لوڈ کریں۔",
  ],
  passphrasesDiffer: ["The two passphrases differ: type them again.", "دونوں پاس فریز مختلف ہیں: دوبارہ لکھیں۔"],
  words: ["Your 12 words", "آپ کے 12 الفاظ"],
  wordsNote: [
    "Write these words on paper and keep them safe. They are shown only once; with them anyone can take your money.",
    "یہ الفاظ کاغذ پر لکھ کر محفوظ رکھیں۔ یہ صرف ایک بار دکھائے جاتے ہیں؛ ان سے کوئی بھی آپ کی رقم لے سکتا ہے۔",
  ],
  wroteThem: ["I have written them down", "میں نے لکھ لیے ہیں"],
  unlock: ["Unlock", "کھولیں"],
  unlockNote: ["Type your passphrase to open the wallet.", "والیٹ کھولنے کے لیے اپنا پاس فریز لکھیں۔"],
  wrongPassphrase: ["That passphrase does not open this wallet.", "یہ پاس فریز اس والیٹ کو نہیں کھولتا۔"],
  balance: ["Balance", "بیلنس"],
  purse: ["Offline purse", "آف لائن پرس"],
  todayLeft: ["Left to spend today", "آج خرچ کے لیے باقی"],
  monthLeft: ["Left this month", "اس مہینے باقی"],
  noLimit: ["no limit", "کوئی حد نہیں"],
  yourAddress: ["Your address", "آپ کا پتہ"],
  pay: ["Pay", "ادائیگی"],
  receive: ["Receive", "وصول کریں"],
  fund: ["Fund purse", "پرس بھریں"],
  sync: ["Sync", "ہم آہنگ کریں"],
  history: ["History", "تاریخچہ"],
  back: ["Back", "واپس"],
  exportKey: ["Save my key file", "اپنی کی فائل محفوظ کریں"],
  online: ["Online", "آن لائن"],
  offline: ["Offline: paying and receiving by QR still work", "آف لائن: کیو آر سے ادائیگی اور وصولی جاری ہے"],
  syncedAt: ["Last synced {when}", "آخری ہم آہنگی {when}"],
  neverSynced: [
    "Never synced: connect once to pay or receive offline",
    "کبھی ہم آہنگ نہیں ہوا: آف لائن لین دین کے لیے ایک بار جڑیں",
  ],
  payee: ["Pay to (address)", "کس کو (پتہ)"],
  amount: ["Amount (Rs)", "رقم (روپے)"],
  payOnline: ["Pay now (online)", "ابھی ادا کریں (آن لائن)"],
  payOffline: ["Show a QR code (offline)", "کیو آر کوڈ دکھائیں (آف لائن)"],
  notAnAmount: ["That is not an amount: write it like 1,250.50", "یہ رقم نہیں ہے: 1,250.50 کی طرح لکھیں"],
  showToPayee: [
    "Show this code to the payee: {amount} to {who}. Their phone checks it with no network.",
    "یہ کوڈ وصول کنندہ کو دکھائیں: {amount} بنام {who}۔ ان کا فون اسے بغیر نیٹ ورک کے جانچتا ہے۔",
  ],
  scanReceipt: ["Read the payee's receipt", "وصول کنندہ کی رسید پڑھیں"],
  receiptKept: ["Receipt kept: the payee accepted {amount}.", "رسید محفوظ: وصول کنندہ نے {amount} قبول کیے۔"],
  receiptNotOurs: [
    "This receipt is not for a payment from this wallet.",
    "یہ رسید اس والیٹ کی کسی ادائیگی کی نہیں ہے۔",
  ],
  scanCamera: ["Scan with the camera", "کیمرے سے اسکین کریں"],
  stopCamera: ["Stop the camera", "کیمرا بند کریں"],
  readImage: ["Read a photo of the code", "کوڈ کی تصویر پڑھیں"],
  pasteCode: ["Or paste the payment code", "یا ادائیگی کا کوڈ چسپاں کریں"],
  check: ["Check and accept", "جانچیں اور قبول کریں"],
  noCamera: [
    "This phone's camera cannot be used here: read a photo instead.",
    "یہاں کیمرا استعمال نہیں ہو سکتا: تصویر پڑھیں۔",
  ],
  noCode: [
    "No payment code was found in that picture: try again, closer and sharper.",
    "اس تصویر میں کوئی کوڈ نہیں ملا: قریب سے صاف تصویر لیں۔",
  ],
  accepted: [
    "Accepted {amount} from {who}: it is paid into your account the next time this phone is online.",
    "{who} سے {amount} قبول: یہ فون اگلی بار آن لائن ہوتے ہی آپ کے اکاؤنٹ میں جمع ہو جائیں گے۔",
  ],
  refused: ["Refused: {why}", "مسترد: {why}"],
  showReceipt: ["Show this receipt to the payer.", "یہ رسید ادا کرنے والے کو دکھائیں۔"],
  fundNote: [
    "Move money from your balance into the offline purse: what you can pay with no network.",
    "بیلنس سے رقم آف لائن پرس میں منتقل کریں: جس سے آپ بغیر نیٹ ورک ادائیگی کر سکیں۔",
  ],
  waitingProof: [
    "Funded. Waiting for the validators to sign the purse's proof…",
    "پرس بھر گیا۔ تصدیق کنندگان کے دستخط کا انتظار…",
  ],
  purseReady: ["The purse holds {amount}, ready to pay offline.", "پرس میں {amount} ہیں، آف لائن ادائیگی کے لیے تیار۔"],
  signing: ["Signing and sending…", "دستخط اور ارسال…"],
  inBlock: ["In block #{block}; waiting for finality…", "بلاک #{block} میں؛ حتمی ہونے کا انتظار…"],
  paidOnline: ["Paid {amount} to {who} (final in block #{block}).", "{who} کو {amount} ادا (بلاک #{block} میں حتمی)۔"],
  redeemedSome: [
    "{amount} from offline payments was paid into your account.",
    "آف لائن ادائیگیوں کے {amount} آپ کے اکاؤنٹ میں جمع ہو گئے۔",
  ],
  otherNode: [
    "This link connects the wallet to another node, {url}, instead of {saved}. A node you do not trust can hide revoked purses from you. Use it?",
    "یہ لنک والیٹ کو {saved} کے بجائے کسی اور نوڈ {url} سے جوڑتا ہے۔ ناقابلِ اعتماد نوڈ آپ سے منسوخ شدہ پرس چھپا سکتا ہے۔ استعمال کریں؟",
  ],
  trustSets: ["Trust this node's validators", "اس نوڈ کے تصدیق کنندگان پر بھروسہ کریں"],
  trustSetsConfirm: [
    "Only if {url} is your bank's node: its validators will replace the ones this phone knows, and payments are checked against them. Continue?",
    "صرف اگر {url} آپ کے بینک کا نوڈ ہے: اس کے تصدیق کنندگان اس فون میں موجود کی جگہ لیں گے اور ادائیگیاں انہی سے جانچی جائیں گی۔ جاری رکھیں؟",
  ],
  waitingForProofs: [
    "Synced. {count} received payment(s) wait for the payer's purse proof to reach the chain; they are redeemed at a later sync.",
    "ہم آہنگ۔ {count} وصول شدہ ادائیگیاں ادا کنندہ کے پرس کے ثبوت کی منتظر ہیں؛ اگلی ہم آہنگی پر جمع ہوں گی۔",
  ],
  notFinalYet: [
    "Sent, but not final after 90 seconds: it may still go through. Check your balance before trying again.",
    "بھیج دیا گیا مگر 90 سیکنڈ میں حتمی نہیں ہوا: ہو سکتا ہے ابھی بھی ہو جائے۔ دوبارہ کوشش سے پہلے بیلنس دیکھیں۔",
  ],
  syncing: ["Syncing with the chain…", "چین سے ہم آہنگی…"],
  synced: ["Synced.", "ہم آہنگ۔"],
  needOnline: ["This needs the network: connect and try again.", "اس کے لیے نیٹ ورک چاہیے: جڑ کر دوبارہ کوشش کریں۔"],
  noNode: ["Cannot reach the chain's node at {url}.", "چین کے نوڈ {url} تک رسائی نہیں۔"],
  chainRefused: ["The chain refused it: {why}", "چین نے مسترد کیا: {why}"],
  emptyHistory: ["Nothing yet.", "ابھی کچھ نہیں۔"],
  "h.paid-online": ["Paid online", "آن لائن ادائیگی"],
  "h.funded": ["Purse funded", "پرس بھرا"],
  "h.redeemed": ["Offline payments credited", "آف لائن رقم جمع"],
  "h.paid-offline": ["Paid offline", "آف لائن ادائیگی"],
  "h.received-offline": ["Received offline", "آف لائن وصولی"],
  pending: ["waiting to be credited", "جمع ہونا باقی"],
  credited: ["credited", "جمع"],
  // Refusals of the offline checks (codes from the Rust side, web-wallet/wasm).
  "r.NotSynced": [
    "this wallet has never synced: sync once online",
    "یہ والیٹ کبھی ہم آہنگ نہیں ہوا: ایک بار آن لائن ہم آہنگ کریں",
  ],
  "r.NoPurse": ["no purse yet: fund one when online", "ابھی کوئی پرس نہیں: آن لائن ہو کر بھریں"],
  "r.NoProof": [
    "the purse has no proof from the validators yet: sync once online",
    "پرس کا ثبوت ابھی نہیں آیا: آن لائن ہم آہنگ کریں",
  ],
  "r.CountersExhausted": ["this purse signed the most vouchers it may", "اس پرس کے واؤچر ختم ہو گئے"],
  "r.ZeroAmount": ["the amount must be more than zero", "رقم صفر سے زیادہ ہونی چاہیے"],
  "r.BelowMinimum": ["a voucher pays at least Rs 1.00", "واؤچر کم از کم Rs 1.00 کا ہوتا ہے"],
  "r.OverVoucherCap": ["one voucher may pay at most {cap}", "ایک واؤچر زیادہ سے زیادہ {cap} کا ہو سکتا ہے"],
  "r.InsufficientPurse": ["the purse has only {left} left", "پرس میں صرف {left} باقی ہیں"],
  "r.PurseExpired": ["the purse expired: fund it again when online", "پرس کی مدت ختم: آن لائن ہو کر دوبارہ بھریں"],
  "r.PaysOwner": ["a voucher cannot pay your own account", "واؤچر آپ کے اپنے اکاؤنٹ کو ادا نہیں کر سکتا"],
  "r.ProofExpired": [
    "the purse's proof is out of date: sync once online",
    "پرس کا ثبوت پرانا ہے: آن لائن ہم آہنگ کریں",
  ],
  "r.UnsupportedVersion": ["a voucher format this app does not read", "واؤچر کی ایسی شکل جو یہ ایپ نہیں پڑھتی"],
  "r.WrongChain": ["the payment is for another chain", "یہ ادائیگی کسی اور چین کی ہے"],
  "r.BadSignature": [
    "the signature is not the purse's: the payment was forged or damaged",
    "دستخط پرس کا نہیں: ادائیگی جعلی یا خراب ہے",
  ],
  "r.NotForMe": ["the payment is to another account", "یہ ادائیگی کسی اور اکاؤنٹ کے لیے ہے"],
  "r.ProofOfAnotherPurse": ["the proof is of another purse than the one that signed", "ثبوت کسی اور پرس کا ہے"],
  "r.NoPayerProof": ["no proof of the payer's purse came with it", "ادا کرنے والے کے پرس کا ثبوت ساتھ نہیں"],
  "r.CannotVerify": [
    "it is signed by validator set #{setId}, which this phone has not synced: sync once online",
    "اس پر تصدیق کنندگان کے سیٹ #{setId} کے دستخط ہیں جو اس فون میں نہیں: آن لائن ہم آہنگ کریں",
  ],
  "r.ForgedProof": [
    "the purse proof is not signed by the chain's validators: the purse or its figures are made up",
    "پرس کا ثبوت چین کے تصدیق کنندگان کا دستخط شدہ نہیں: پرس یا اس کے اعداد جعلی ہیں",
  ],
  "r.StaleList": [
    "this phone last synced {hours} h ago: sync before accepting offline payments",
    "یہ فون {hours} گھنٹے پہلے ہم آہنگ ہوا: آف لائن رقم لینے سے پہلے ہم آہنگ کریں",
  ],
  "r.ClockSkew": [
    "the payment's time is more than 10 minutes from this phone's clock",
    "ادائیگی کا وقت اس فون کی گھڑی سے 10 منٹ سے زیادہ مختلف ہے",
  ],
  "r.RiskPurseValue": [
    "you would hold {would} offline from this payer, more than {limit}: go online first",
    "اس ادا کنندہ سے آف لائن {would} ہو جائیں گے، حد {limit}: پہلے آن لائن ہوں",
  ],
  "r.RiskPurseCount": [
    "you hold {held} payments from this payer already: go online first",
    "اس ادا کنندہ کی {held} ادائیگیاں پہلے سے ہیں: پہلے آن لائن ہوں",
  ],
  "r.RiskTotalValue": [
    "you would hold {would} in offline payments, more than {limit}: go online first",
    "آف لائن رقم {would} ہو جائے گی، حد {limit}: پہلے آن لائن ہوں",
  ],
  "r.RiskTotalCount": [
    "you hold {held} offline payments already: go online first",
    "آپ کے پاس {held} آف لائن ادائیگیاں ہیں: پہلے آن لائن ہوں",
  ],
  "r.ZeroAmountReceived": ["the payment pays nothing", "یہ ادائیگی کچھ ادا نہیں کرتی"],
  "r.BelowMinimumReceived": ["the payment is below Rs 1.00, the chain's smallest", "ادائیگی Rs 1.00 سے کم ہے"],
  "r.CounterTooHigh": ["the payment's number is beyond what the chain pays", "ادائیگی کا نمبر چین کی حد سے باہر ہے"],
  "r.OverVoucherCapReceived": [
    "the payment is more than the purse's cap of {cap}",
    "ادائیگی پرس کی حد {cap} سے زیادہ ہے",
  ],
  "r.Expired": ["the payer's purse has expired", "ادا کنندہ کے پرس کی مدت ختم ہو چکی"],
  "r.CounterSeen": [
    "payment number {counter} of this purse was already received: a copy or a double spend",
    "اس پرس کی ادائیگی نمبر {counter} پہلے وصول ہو چکی: نقل یا دوہرا خرچ",
  ],
  "r.OverEscrow": [
    "the purse holds {escrow} but would have paid you {received}",
    "پرس میں {escrow} ہیں مگر آپ کو {received} ادا ہوتے",
  ],
  "r.Revoked": [
    "the payer's purse was closed or caught double spending",
    "ادا کنندہ کا پرس بند ہے یا دوہرے خرچ میں پکڑا گیا",
  ],
  "r.NotAVoucher": ["this is not a digital rupee payment code", "یہ ڈیجیٹل روپے کا ادائیگی کوڈ نہیں"],
  "r.BadCharacter": [
    "the code holds characters a payment code never has: scan it again",
    "کوڈ میں غلط حروف ہیں: دوبارہ اسکین کریں",
  ],
  "r.BadChecksum": ["the code was damaged or mistyped: scan it again", "کوڈ خراب یا غلط لکھا گیا: دوبارہ اسکین کریں"],
  "r.Malformed": [
    "the code's contents are not a payment: ask the payer to show it again",
    "کوڈ میں ادائیگی نہیں: دوبارہ دکھانے کو کہیں",
  ],
  "r.BadAddress": ["that is not an account address", "یہ اکاؤنٹ کا پتہ نہیں"],
  "r.ShortPassphrase": ["choose a passphrase of at least 8 characters", "کم از کم 8 حروف کا پاس فریز چنیں"],
  "r.BadWords": [
    "these are not the words of an account: check each word and their order",
    "یہ کسی اکاؤنٹ کے الفاظ نہیں: ہر لفظ اور ترتیب جانچیں",
  ],
  "r.WrongPassphrase": ["that passphrase does not open the key file", "یہ پاس فریز کی فائل کو نہیں کھولتا"],
  "r.UnsupportedKey": ["this file is not a key file this wallet reads", "یہ ایسی کی فائل نہیں جو یہ والیٹ پڑھے"],
  "r.OlderSet": [
    "the node is behind or lying about the validators: sync with another node",
    "نوڈ تصدیق کنندگان کے بارے میں پیچھے ہے یا غلط بتا رہا ہے: کسی اور نوڈ سے ہم آہنگ کریں",
  ],
  "r.ChangedSet": [
    "the node is lying about the validators: sync with another node",
    "نوڈ تصدیق کنندگان کے بارے میں غلط بتا رہا ہے: کسی اور نوڈ سے ہم آہنگ کریں",
  ],
  "r.KeyMismatch": [
    "the stored wallet was altered: its keys are not the ones it names. Restore it from your 12 words",
    "محفوظ والیٹ میں تبدیلی کی گئی ہے: اس کی کلیدیں وہ نہیں جو اس میں درج ہیں۔ اپنے 12 الفاظ سے بحال کریں",
  ],
  "r.OtherChain": ["this node serves another chain than this wallet's", "یہ نوڈ کسی اور چین کا ہے"],
};

/** The reader's words for `key`, with `{name}` filled from `params`. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const pair = WORDS[key];
  const text = pair ? pair[lang === "ur" ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Figures that are amounts (paisa) in a refusal's params. */
const AMOUNTS = new Set(["cap", "left", "escrow", "received", "would", "limit"]);

/** A refusal from the Rust side in the reader's words. */
export function refusal(refused: Pick<Refusal, "code" | "params" | "sentence">): string {
  const key = `r.${refused.code}`;
  if (!WORDS[key]) return refused.sentence ?? refused.code;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(refused.params ?? {}))
    params[name] = AMOUNTS.has(name) ? rs(value) : value;
  return t(key, params);
}
