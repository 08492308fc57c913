// What the app keeps in the browser (IndexedDB, one record): the two key files (encrypted with
// the passphrase, polkadot.js format, as the CLI's account.json and device.json), the wallet's
// state (the CLI's wallet.json, no secrets), the balance and limits the node last reported, the
// app's own history of online payments and the reader's language. Every change is one transaction, finished before the app shows its result.

export type HistoryEntry = {
  at: number;
  kind: "paid-online" | "funded" | "redeemed" | "paid-offline" | "received-offline";
  amount: string;
  who?: string;
  block?: number;
};

export type Saved = {
  address: string;
  accountKey: string;
  deviceKey: string;
  account: object;
  device: object;
  state: string;
  history: HistoryEntry[];
  /** Where the app last connected (ws://…). */
  node?: string;
  /** The account as the node last reported it (`rupee_account`): shown while offline. */
  balance?: {
    free: string;
    escrowed: string;
    usage: { dailyDebitLeft: string | null; monthlyDebitLeft: string | null } | null;
  };
};

const DB = "rupee-wallet";
const STORE = "wallet";
const KEY = "main";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      // Resolved once the transaction is durable, not when the request is queued.
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("the browser refused to store the wallet"));
    });
  } finally {
    db.close();
  }
}

export function load(): Promise<Saved | undefined> {
  return run<Saved | undefined>("readonly", (store) => store.get(KEY));
}

/** Stores a new wallet; refused if one is stored already (another tab made one first). */
export function create(saved: Saved): Promise<unknown> {
  return run("readwrite", (store) => store.add(saved, KEY));
}

/**
 * Changes the stored wallet in one read-write transaction: `decide` gets what is stored now and
 * returns the new record (or undefined to change nothing). Transactions on the store run one at
 * a time across every tab and window of the app, so two of them never decide on the same old
 * state (two vouchers with one counter, or one tab dropping the other's received voucher).
 * `decide` must be synchronous (the Rust side's decisions are). Resolves once it is durable.
 */
export async function change<T>(decide: (current: Saved) => { next?: Saved; result: T }): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      let result: T;
      const read = store.get(KEY);
      read.onsuccess = () => {
        try {
          const decided = decide(read.result as Saved);
          result = decided.result;
          if (decided.next) store.put(decided.next, KEY);
        } catch (error) {
          tx.abort();
          reject(error);
        }
      };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("the browser refused to store the wallet"));
    });
  } finally {
    db.close();
  }
}

/** The reader's language, kept apart from the wallet (chosen before a wallet exists). */
export function language(): "en" | "ur" {
  return localStorage.getItem("rupee-lang") === "ur" ? "ur" : "en";
}

export function setLanguage(lang: "en" | "ur"): void {
  localStorage.setItem("rupee-lang", lang);
}
