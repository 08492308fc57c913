//! The stock `subxt` client (0.51, dynamic API, `PolkadotConfig`) against a real dev node: it
//! learns everything from the node's metadata (no generated code, none of this repository's
//! types), reads a rupee balance and a KYC status, signs and submits a transfer with its own
//! signer, sees it finalized with its events, and gets the documented refusals.

use crate::common;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use subxt::{
	dynamic::{self, At, Value as Dynamic},
	ext::scale_value::ValueDef,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::{dev, Keypair};

/// The name of an enum value (`L1`, `Refused`, ...).
fn variant(value: &Dynamic) -> Option<&str> {
	match &value.value {
		ValueDef::Variant(variant) => Some(&variant.name),
		_ => None,
	}
}

fn account(keypair: &Keypair) -> [u8; 32] {
	keypair.public_key().0
}

async fn free(api: &OnlineClient<PolkadotConfig>, who: [u8; 32]) -> u128 {
	let ledger = api
		.at_current_block()
		.await
		.unwrap()
		.storage()
		.fetch(dynamic::storage::<([u8; 32],), Dynamic>("Rupee", "Ledger"), (who,))
		.await
		.unwrap()
		.decode()
		.unwrap();
	ledger.at("free").and_then(|free| free.as_u128()).expect("a free balance")
}

/// `payer` signs `Rupee.transfer(to, amount)`, submits it and waits until it is finalized: its
/// events, or why it was refused or failed.
async fn pay(
	api: &OnlineClient<PolkadotConfig>,
	payer: &Keypair,
	to: [u8; 32],
	amount: u128,
) -> Result<subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>, String> {
	let transfer = dynamic::transaction("Rupee", "transfer", (to, amount));
	let at = api.at_current_block().await.map_err(|error| error.to_string())?;
	let progress = at
		.transactions()
		.sign_and_submit_then_watch_default(&transfer, payer)
		.await
		.map_err(|error| error.to_string())?;
	progress.wait_for_finalized_success().await.map_err(|error| error.to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn subxt_reads_signs_and_submits_against_a_dev_node() {
	let dir = test_dir("subxt");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	wait_finalized(&node, 1, std::time::Duration::from_secs(60)).await;
	let rpc = node.client().await;

	// Connect and decode the metadata.
	let api = OnlineClient::<PolkadotConfig>::from_insecure_url(node.url()).await.unwrap();
	let at = api.at_current_block().await.unwrap();
	assert_eq!(at.spec_version(), rupee_runtime::VERSION.spec_version);
	let metadata = at.metadata();
	assert!(metadata.pallet_by_name("Rupee").is_some() && metadata.pallet_by_name("Kyc").is_some());

	// A balance, by storage and by the chain's own RPC, and a KYC status.
	let (eve, ferdie, stranger) = (dev::eve(), dev::ferdie(), dev::one());
	let eve_free = free(&api, account(&eve)).await;
	let view: Value =
		rpc.request("rupee_account", rpc_params![ss58(&account(&eve).into())]).await.unwrap();
	assert_eq!(rpc_amount(&view["free"]), eve_free);
	let kyc = at
		.storage()
		.fetch(dynamic::storage::<([u8; 32],), Dynamic>("Kyc", "Accounts"), (account(&eve),))
		.await
		.unwrap()
		.decode()
		.unwrap();
	assert_eq!(kyc.at("tier").and_then(variant), Some("L1"), "{kyc}");
	let unregistered = at
		.storage()
		.try_fetch(
			dynamic::storage::<([u8; 32],), Dynamic>("Kyc", "Accounts"),
			(account(&stranger),),
		)
		.await
		.unwrap();
	assert!(unregistered.is_none());

	// Sign and submit a transfer, wait for finality, read its events.
	let ferdie_before = free(&api, account(&ferdie)).await;
	let events = pay(&api, &eve, account(&ferdie), 1_250).await.unwrap();
	let transferred = events
		.iter()
		.map(Result::unwrap)
		.find(|event| (event.pallet_name(), event.event_name()) == ("Rupee", "Transferred"))
		.expect("a Rupee.Transferred event");
	// The whole event: `Rupee(Transferred { from, to, amount })`.
	let event = transferred.decode_as::<Dynamic>().unwrap();
	let fields = event.at(0).expect("the pallet's event").clone();
	assert_eq!(fields.at("amount").and_then(|amount| amount.as_u128()), Some(1_250), "{fields}");
	// AccountId32 is a newtype around 32 bytes.
	let payee = fields.at("to").and_then(|to| to.at(0)).expect("a payee");
	assert_eq!(
		format!("{payee}"),
		format!("{}", Dynamic::from_bytes(account(&ferdie))),
		"{fields}"
	);
	assert_eq!(free(&api, account(&ferdie)).await, ferdie_before + 1_250);

	// Paying an account no bank registered: included, and fails as Rupee.Refused with
	// ReceiverNotPermissioned (docs/rpc.md, code 8).
	let failed = pay(&api, &eve, account(&stranger), 100).await.expect_err("refused");
	let message = failed;
	assert!(message.contains("Rupee") && message.contains("Refused"), "{message}");

	// An unregistered signer is refused by the pool with the KYC gate's code 1.
	let message = pay(&api, &stranger, account(&ferdie), 100).await.unwrap_err();
	assert!(message.to_lowercase().ends_with("custom error: 1"), "{message}");
}
