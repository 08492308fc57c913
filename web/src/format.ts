// Amounts, addresses and times for people.

import { ss58Decode, ss58Encode } from "@polkadot-labs/hdkd-helpers";

/** Paisa (a JSON number, decimal string or bigint) as "1,234.50 PKR". */
export function pkr(paisa: number | string | bigint): string {
  const value = BigInt(paisa);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rupees = (abs / 100n).toLocaleString("en-US");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${rupees}.${cents} PKR`;
}

/** A limit: "1,250.00 PKR", or "no limit" where the chain says null. */
export function pkrLimit(paisa: string | null): string {
  return paisa === null ? "no limit" : pkr(paisa);
}

/** What is left of a limit: "1,250.00 PKR left", or "no limit". */
export function pkrLeft(paisa: string | null): string {
  return paisa === null ? pkrLimit(paisa) : `${pkr(paisa)} left`;
}

/** The most a balance can be on chain (u128). */
const MAX_PAISA = (1n << 128n) - 1n;

/** Whole rupees typed by a person ("2,000,000,000" or "1500.50") as paisa, or an error. */
export function parseRupees(text: string): bigint {
  const cleaned = text.replace(/[,\s_]/g, "");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) throw new Error(`"${text}" is not an amount in rupees (digits, at most two decimals).`);
  const paisa = BigInt(match[1]) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  if (paisa > MAX_PAISA) throw new Error(`"${text}" is more than any amount the chain can hold.`);
  return paisa;
}

/** An account typed in any SS58 format, in this chain's (prefix 1947); a sentence for anything else. */
export function toAddress(text: string): string {
  try {
    const [payload] = ss58Decode(text.trim());
    if (payload.length === 32) return ss58Encode(payload, 1947);
  } catch {
    // said below
  }
  throw new Error(`"${text}" is not an account address (nG… or 5…, with its checksum).`);
}

/** The start and end of an address, enough to tell accounts apart on a page. */
export function short(address: string): string {
  return address.length > 16 ? `${address.slice(0, 8)}…${address.slice(-6)}` : address;
}

/** Milliseconds as "3 h 20 min" (or "45 s"). */
export function duration(ms: number): string {
  if (ms <= 0) return "now";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return `${h} h ${min % 60} min`;
}

export function date(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** An element with text and attributes, for building pages without a framework. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
