// End to end with the stock @polkadot/api client against a `dev` node (no custom types, no
// custom signed-extension code: everything comes from the node's metadata and properties).
//
//   node e2e.mjs ws://127.0.0.1:9944
//
// Prints one `ok - …` line per check and exits 0, or prints `not ok - …` and exits 1.
// Run by node/tests/polkadot_js.rs (which starts the node); see docs/rpc.md.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';

function check(condition, what, detail) {
  if (!condition) {
    console.log(`not ok - ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
    process.exit(1);
  }
  console.log(`ok - ${what}`);
}

// Sign and submit `tx`; resolve with the finalized block hash and the events of `tx` there, or
// reject with the pool's refusal.
function submitAndFinalize(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, (result) => {
      if (result.status.isFinalized) {
        unsubscribe();
        resolve({ block: result.status.asFinalized.toHex(), events: result.events, result });
      } else if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${result.status.type}`));
      }
    })
      .then((stop) => { unsubscribe = stop; })
      .catch(reject);
  });
}

// The name of a TransferError variant (pallet-rupee's `Refused(TransferError)` carries it in
// the module error's second byte), looked up in the metadata.
function transferErrorName(api, index) {
  for (const { id, type } of api.registry.lookup.types) {
    if (type.path.length && type.path[type.path.length - 1].toString() === 'TransferError') {
      const variant = api.registry.lookup.getSiType(id).def.asVariant.variants
        .find((v) => v.index.toNumber() === index);
      return variant?.name.toString();
    }
  }
  return undefined;
}

// @polkadot/api decorates only the standard RPC methods; the chain's own (`rupee_*`, `kyc_*`)
// go through the same provider as raw JSON-RPC calls.
function custom(provider, method, params) {
  return provider.send(method, params);
}

async function main() {
  await cryptoWaitReady();
  const provider = new WsProvider(url);
  const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });

  // Connect and decode: chain identity, properties and metadata.
  check(api.runtimeVersion.specName.toString() === 'rupee', 'runtime spec name is rupee',
    api.runtimeVersion.specName.toString());
  const properties = api.registry.getChainProperties();
  check(api.registry.chainTokens[0] === 'PKR' && api.registry.chainDecimals[0] === 2,
    'chain properties: PKR with 2 decimals', properties?.toHuman());
  check(api.registry.chainSS58 === 1947, 'chain properties: SS58 prefix 1947', api.registry.chainSS58);
  check(typeof api.tx.rupee?.transfer === 'function' && typeof api.query.kyc?.accounts === 'function',
    'metadata decodes: rupee.transfer and kyc.accounts are known');
  const extensions = api.registry.signedExtensions;
  check(extensions.includes('CheckPermission') && extensions.includes('CheckMetadataHash'),
    'metadata lists the transaction extensions', extensions);

  const keyring = new Keyring({ type: 'sr25519', ss58Format: 1947 });
  const eve = keyring.addFromUri('//Eve'); // L1 customer of Charlie's bank on dev
  const ferdie = keyring.addFromUri('//Ferdie'); // merchant of Bob's bank on dev
  const stranger = keyring.addFromUri('//Stranger'); // registered with no bank

  // Read a rupee balance (storage and the custom RPC) and a KYC status.
  const ledger = await api.query.rupee.ledger(eve.address);
  const eveBefore = BigInt((await custom(provider, 'rupee_account', [eve.address])).free ?? 0);
  check(eveBefore > 0n, 'rupee_account gives Eve a balance', eveBefore.toString());
  check(ledger.free.toBigInt() === eveBefore, 'storage rupee.ledger(Eve).free equals rupee_account free',
    ledger.toJSON());
  const kyc = await api.query.kyc.accounts(eve.address);
  check(kyc.isSome && kyc.unwrap().toHuman().tier === 'L1', 'storage kyc.accounts(Eve): tier L1', kyc.toHuman());
  const status = await custom(provider, 'kyc_accountStatus', [eve.address]);
  check(status.tier === 'L1' && status.status === 'active', 'kyc_accountStatus(Eve): active L1', status);
  check(await custom(provider, 'kyc_accountStatus', [stranger.address]) === null,
    'kyc_accountStatus of an unregistered account is null');

  // Transfer, wait for finality, read the events.
  const amount = 1250n; // 12.50 PKR
  const ferdieBefore = BigInt((await custom(provider, 'rupee_account', [ferdie.address])).free);
  const { block, events } = await submitAndFinalize(api.tx.rupee.transfer(ferdie.address, amount), eve);
  const transferred = events.find(({ event }) => api.events.rupee.Transferred.is(event));
  check(transferred !== undefined, `transfer finalized in ${block} with a rupee.Transferred event`,
    events.map(({ event }) => `${event.section}.${event.method}`));
  const [from, to, paid] = transferred.event.data;
  check(from.toString() === eve.address && to.toString() === ferdie.address && paid.toBigInt() === amount,
    'the event names payer, payee and amount', transferred.event.toHuman());
  check(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)), 'system.ExtrinsicSuccess');
  const atBlock = await api.at(block);
  const ferdieAfter = BigInt((await custom(provider, 'rupee_account', [ferdie.address, block])).free);
  check(ferdieAfter - ferdieBefore === amount, 'the merchant received 12.50 PKR at the finalized block',
    { before: ferdieBefore.toString(), after: ferdieAfter.toString() });
  check((await atBlock.query.system.events()).length >= 2, 'events readable at the finalized block');

  // A documented refusal: paying an account no bank registered. The dry run says why with its
  // code (docs/rpc.md, rupee_canTransfer: 8 ReceiverNotPermissioned) ...
  const dryRun = await custom(provider, 'rupee_canTransfer', [eve.address, stranger.address, '100']);
  check(dryRun.ok === false && dryRun.reason === 'ReceiverNotPermissioned' && dryRun.code === 8,
    'rupee_canTransfer refuses an unregistered payee with code 8', dryRun);
  // ... and the transaction itself fails on chain with rupee.Refused(ReceiverNotPermissioned).
  const refused = await submitAndFinalize(api.tx.rupee.transfer(stranger.address, 100), eve);
  const failed = refused.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
  check(failed !== undefined, 'paying an unregistered account fails on chain');
  const dispatchError = failed.event.data[0];
  const meta = api.registry.findMetaError(dispatchError.asModule);
  const inner = transferErrorName(api, dispatchError.asModule.error[1]);
  check(meta.section === 'rupee' && meta.name === 'Refused' && inner === 'ReceiverNotPermissioned',
    'the failure decodes as rupee.Refused(ReceiverNotPermissioned)', { ...meta, inner });

  // The KYC gate: an unregistered signer is refused by the pool with "Custom error: 1".
  let gateError;
  try {
    await api.tx.rupee.transfer(ferdie.address, 100).signAndSend(stranger);
  } catch (error) {
    gateError = error.message;
  }
  check(gateError !== undefined && /^1010: Invalid Transaction: Custom error: 1$/.test(gateError),
    'an unregistered signer is refused at submission with 1010 / Custom error: 1', gateError);

  await api.disconnect();
}

main().then(() => process.exit(0), (error) => {
  console.log(`not ok - ${error.stack ?? error}`);
  process.exit(1);
});
