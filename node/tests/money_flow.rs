//! End to end on a dev node, over JSON-RPC with transactions signed like a wallet signs them:
//! KYC registration and the gate, then the two-tier money flow from issuer to merchant and
//! back, with every refusal reported with its documented reason.

use crate::common;

use codec::Encode;
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use pallet_rupee::TransferError;
use rupee_primitives::{rupees, PolicyError, Tier};
use rupee_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use serde_json::Value;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::DispatchError;

fn transfer(to: AccountId, amount: u128) -> RuntimeCall {
	RuntimeCall::Rupee(pallet_rupee::Call::transfer { to, amount })
}

async fn free(client: &jsonrpsee::ws_client::WsClient, who: &AccountId) -> u128 {
	let view: Value = client.request("rupee_account", rpc_params![who.to_string()]).await.unwrap();
	rpc_amount(&view["free"])
}

async fn total_issuance(client: &jsonrpsee::ws_client::WsClient) -> u128 {
	let supply: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();
	rpc_amount(&supply["totalIssuance"])
}

/// The ledger's refusal reason in an included-but-failed transaction.
fn refusal(error: DispatchError) -> TransferError {
	use codec::Decode;
	let DispatchError::Module(module) = error else { panic!("not a module error: {error:?}") };
	match pallet_rupee::Error::<rupee_runtime::Runtime>::decode(&mut &module.error[..]) {
		Ok(pallet_rupee::Error::Refused(reason)) => reason,
		other => panic!("not a ledger refusal: {other:?}"),
	}
}

async fn start_dev_node(name: &str) -> Node {
	let dir = test_dir(name);
	Node::start(NodeConfig::dev_validator(&dir)).await
}

#[tokio::test(flavor = "multi_thread")]
async fn kyc_gate_admits_registered_customers_and_refuses_outsiders() {
	let node = start_dev_node("kyc-gate").await;
	let client = node.client().await;
	let gina = sr25519::Pair::from_string("//Gina", None).unwrap();
	let gina_id = AccountId::from(gina.public());

	// Unregistered: refused at submission with the documented code, never in a block.
	// A payment (she has no money yet: once she may sign, it is included and fails).
	let payment =
		RuntimeCall::Rupee(pallet_rupee::Call::transfer { to: Bob.to_account_id(), amount: 1 });
	let xt = rupee_runtime::client::signed_extrinsic(
		payment.clone(),
		&gina,
		0,
		genesis_hash(&client).await,
	);
	let error = client
		.request::<String, _>("author_submitExtrinsic", rpc_params![to_hex(&xt.encode())])
		.await
		.expect_err("an outsider's transaction must be refused");
	let message = error.to_string();
	assert!(
		message.contains("Invalid Transaction")
			&& message.contains(&format!("Custom error: {}", PolicyError::NotPermissioned.code())),
		"unexpected refusal: {message}"
	);

	// The status reads `null` for an outsider.
	let status: Value =
		client.request("kyc_accountStatus", rpc_params![gina_id.to_string()]).await.unwrap();
	assert!(status.is_null());

	// Bob's bank registers Gina; then her own transaction goes through.
	let register = RuntimeCall::Kyc(pallet_kyc::Call::register_account {
		who: gina_id.clone(),
		tier: Tier::L1,
		expires_at: rupee_runtime::genesis_config_presets::DEV_KYC_EXPIRY,
		commitment: [3; 32],
		linked_bank: Some(Bob.to_account_id()),
	});
	let block = submit_and_wait(&client, &Bob.pair(), register).await;
	assert!(events_at(&client, &block).await.iter().any(|r| matches!(
		&r.event,
		RuntimeEvent::Kyc(pallet_kyc::Event::AccountRegistered { who, .. }) if *who == gina_id
	)));
	let status: Value =
		client.request("kyc_accountStatus", rpc_params![gina_id.to_string()]).await.unwrap();
	assert_eq!(status["tier"], "L1");
	assert_eq!(status["status"], "active");
	assert_eq!(status["provider"], ss58(&Bob.to_account_id()));

	submit_and_wait(&client, &gina, payment).await;
	assert_eq!(next_nonce(&client, &gina_id).await, 1);

	// The outsider's transaction never made it into any block: its nonce is still 0.
	let outsider = sr25519::Pair::from_string("//Outsider", None).unwrap();
	assert_eq!(next_nonce(&client, &AccountId::from(outsider.public())).await, 0);
	let providers: Value = client.request("kyc_providers", rpc_params![]).await.unwrap();
	assert_eq!(providers.as_array().unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn money_flows_from_issuer_to_merchant_and_back() {
	let node = start_dev_node("money-flow").await;
	let client = node.client().await;
	let [alice, bob, dave, ferdie] = [Alice, Bob, Dave, Ferdie].map(|k| k.to_account_id());
	let issued = total_issuance(&client).await;

	// Issuer mints into Bank A's reserve.
	let bob_before = free(&client, &bob).await;
	let mint =
		RuntimeCall::Rupee(pallet_rupee::Call::mint { to: bob.clone(), amount: rupees(1_000) });
	submit_and_wait(&client, &Alice.pair(), mint).await;
	assert_eq!(free(&client, &bob).await, bob_before + rupees(1_000));
	assert_eq!(total_issuance(&client).await, issued + rupees(1_000));

	// Bank pays a customer, the customer pays a merchant, the merchant returns to the bank.
	let dave_before = free(&client, &dave).await;
	submit_and_wait(&client, &Bob.pair(), transfer(dave.clone(), rupees(500))).await;
	submit_and_wait(&client, &Dave.pair(), transfer(ferdie.clone(), rupees(200))).await;
	submit_and_wait(&client, &Ferdie.pair(), transfer(bob.clone(), rupees(150))).await;
	assert_eq!(free(&client, &dave).await, dave_before + rupees(300));
	assert_eq!(free(&client, &ferdie).await, rupees(50));

	// The bank returns money to the issuer, who burns it.
	submit_and_wait(&client, &Bob.pair(), transfer(alice.clone(), rupees(1_000))).await;
	let burn = RuntimeCall::Rupee(pallet_rupee::Call::burn { amount: rupees(1_000) });
	let block = submit_and_wait(&client, &Alice.pair(), burn).await;
	assert!(failure(&events_at(&client, &block).await).is_none());
	assert_eq!(total_issuance(&client).await, issued);
	assert_eq!(free(&client, &alice).await, 0);
	assert_eq!(free(&client, &bob).await, bob_before - rupees(500) + rupees(150));
}

#[tokio::test(flavor = "multi_thread")]
async fn refusals_come_back_with_their_documented_reasons() {
	let node = start_dev_node("refusals").await;
	let client = node.client().await;
	let [dave, eve] = [Dave, Eve].map(|k| k.to_account_id());
	let outsider =
		AccountId::from(sr25519::Pair::from_string("//Outsider", None).unwrap().public());

	// The dry run names the reason without changing anything.
	let check = |from: &AccountId, to: &AccountId, amount: u128| {
		let (from, to) = (from.to_string(), to.to_string());
		let client = &client;
		async move {
			let answer: Value = client
				.request("rupee_canTransfer", rpc_params![from, to, amount.to_string()])
				.await
				.unwrap();
			answer
		}
	};
	assert_eq!(check(&dave, &eve, 100).await["ok"], true);
	let answer = check(&dave, &outsider, 100).await;
	assert_eq!(answer["reason"], "ReceiverNotPermissioned");
	assert_eq!(answer["code"], TransferError::ReceiverNotPermissioned.code());
	assert_eq!(check(&dave, &eve, rupees(10_000) + 1).await["reason"], "InsufficientBalance");

	// The same refusal, as an included transaction that fails with the ledger's error.
	let block = submit_and_wait(&client, &Dave.pair(), transfer(outsider.clone(), 100)).await;
	let error = failure(&events_at(&client, &block).await).expect("the transfer failed");
	assert_eq!(refusal(error), TransferError::ReceiverNotPermissioned);

	// Eve (L1) may send 50,000 PKR a day: exactly the limit goes through, one paisa more is
	// refused.
	let charlie = Charlie.to_account_id();
	submit_and_wait(&client, &Charlie.pair(), transfer(eve.clone(), rupees(20_000))).await;
	assert_eq!(check(&eve, &charlie, rupees(50_000)).await["ok"], true);
	assert_eq!(
		check(&eve, &charlie, rupees(50_000) + 1).await["reason"],
		"DailyDebitLimitExceeded"
	);
	let block =
		submit_and_wait(&client, &Eve.pair(), transfer(charlie.clone(), rupees(50_000))).await;
	assert!(failure(&events_at(&client, &block).await).is_none());
	let block = submit_and_wait(&client, &Eve.pair(), transfer(charlie.clone(), 1)).await;
	assert_eq!(
		refusal(failure(&events_at(&client, &block).await).unwrap()),
		TransferError::DailyDebitLimitExceeded
	);

	// Governance (sudo on the dev chain) freezes Dave: he can neither pay nor be paid.
	let freeze = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
		call: Box::new(RuntimeCall::Rupee(pallet_rupee::Call::freeze { who: dave.clone() })),
	});
	submit_and_wait(&client, &Alice.pair(), freeze).await;
	assert_eq!(check(&dave, &eve, 100).await["reason"], "SenderFrozen");
	assert_eq!(check(&eve, &dave, 100).await["reason"], "ReceiverFrozen");
	// His payment never reaches a block: the gate refuses it with code 5.
	let frozen = submit_refused(&client, &Dave.pair(), transfer(eve.clone(), 100)).await;
	assert!(refused_with(&frozen, PolicyError::Frozen), "{frozen}");
	let status: Value =
		client.request("kyc_accountStatus", rpc_params![dave.to_string()]).await.unwrap();
	assert_eq!(status["frozen"], true);

	// Bad parameters get a JSON-RPC error, not a crash.
	let error = client
		.request::<Value, _>("rupee_account", rpc_params!["not-an-address"])
		.await
		.expect_err("a malformed account is refused");
	assert!(error.to_string().to_lowercase().contains("invalid"), "{error}");
	let error = client
		.request::<Value, _>(
			"rupee_canTransfer",
			rpc_params![dave.to_string(), eve.to_string(), "12.5"],
		)
		.await
		.expect_err("a fractional amount is refused");
	assert!(error.to_string().contains("whole number of paisa"), "{error}");
}
