// Who signs in the browser: an account of the polkadot.js extension (or any extension that
// injects `window.injectedWeb3`), or on a development or local chain one of the well-known
// development keys (Alice, Bob, ...). The console never holds any other secret.

import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from "@polkadot-labs/hdkd-helpers";
import type { PolkadotSigner } from "polkadot-api";
import { connectInjectedExtension, getInjectedExtensions } from "polkadot-api/pjs-signer";
import { getPolkadotSigner } from "polkadot-api/signer";

/** The chain's address format (`system_properties.ss58Format`). */
export const SS58_PREFIX = 1947;

export type Account = { name: string; address: string; signer: PolkadotSigner; source: string };

const DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

/** The development keys: only for chains whose type is not `Live`. */
export function devAccounts(): Account[] {
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  return DEV_NAMES.map((name) => {
    const pair = derive(`//${name}`);
    return {
      name,
      address: ss58Address(pair.publicKey, SS58_PREFIX),
      signer: getPolkadotSigner(pair.publicKey, "Sr25519", pair.sign),
      source: "development key",
    };
  });
}

/** The accounts of every browser extension present, asking each for access. */
export async function extensionAccounts(): Promise<Account[]> {
  const accounts: Account[] = [];
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name);
      for (const account of extension.getAccounts()) {
        if (account.type && account.type !== "sr25519" && account.type !== "ed25519") continue;
        accounts.push({
          name: account.name ?? "account",
          address: ss58Address(account.polkadotSigner.publicKey, SS58_PREFIX),
          signer: account.polkadotSigner,
          source: name,
        });
      }
    } catch (error) {
      console.warn(`extension ${name} refused access`, error);
    }
  }
  return accounts;
}

/**
 * Every account the console may sign with on this chain: the extensions' and, only on the
 * `dev` and `local` test chains (chain type Development or Local), the development keys, whose
 * secrets are public and hold no role on a pilot or live chain.
 */
export async function signingAccounts(chainType: string): Promise<Account[]> {
  const fromExtensions = await extensionAccounts();
  const testChain = chainType === "Development" || chainType === "Local";
  return testChain ? [...fromExtensions, ...devAccounts()] : fromExtensions;
}
