// Keys between rupee-wallet and polkadot.js (@polkadot/keyring), for the wallet's tests:
//   node keystore.mjs open FILE PASSPHRASE
//     opens a key file (as `rupee-wallet key export` writes it), prints its address and a
//     signature of "rupee keystore check" as JSON;
//   node keystore.mjs write URI PASSPHRASE FILE
//     writes the key of URI (a mnemonic or //Dev path) as polkadot.js exports it; prints its
//     address.
import { readFileSync, writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519' });
const [mode, ...args] = process.argv.slice(2);

if (mode === 'open') {
  const [file, passphrase] = args;
  const pair = keyring.addFromJson(JSON.parse(readFileSync(file, 'utf8')));
  pair.unlock(passphrase);
  const signature = pair.sign(new TextEncoder().encode('rupee keystore check'));
  console.log(JSON.stringify({ address: pair.address, signature: u8aToHex(signature) }));
} else if (mode === 'write') {
  const [uri, passphrase, file] = args;
  const pair = keyring.addFromUri(uri, { name: 'from polkadot.js' });
  writeFileSync(file, JSON.stringify(pair.toJson(passphrase)));
  console.log(JSON.stringify({ address: pair.address }));
} else {
  console.error('usage: node keystore.mjs open FILE PASSPHRASE | write URI PASSPHRASE FILE');
  process.exit(2);
}
