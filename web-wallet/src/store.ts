// What the app keeps in the browser (IndexedDB, one record): the two key files (encrypted with
// the passphrase, polkadot.js format, as the CLI's account.json and device.json), the wallet's
// state (the CLI's wallet.json, no secrets), the app's own history of online payments and the
// reader's language. Every change is one transaction, finished before the app shows its result.

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

export function save(saved: Saved): Promise<unknown> {
  return run("readwrite", (store) => store.put(saved, KEY));
}

/** The reader's language, kept apart from the wallet (chosen before a wallet exists). */
export function language(): "en" | "ur" {
  return localStorage.getItem("rupee-lang") === "ur" ? "ur" : "en";
}

export function setLanguage(lang: "en" | "ur"): void {
  localStorage.setItem("rupee-lang", lang);
}
