//! Every `vouchers_*` JSON-RPC method on a dev node, with good and bad parameters: a purse
//! funded by a real transaction, a voucher checked, redeemed and reported, malformed input
//! answered with `-32602` and a reason, never a crash.

mod common;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use rupee_primitives::{
	rupees,
	voucher::{Voucher, VoucherBody, VOUCHER_VERSION},
};
use rupee_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use serde_json::Value;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Dave, Ferdie};

async fn invalid_params(
	client: &jsonrpsee::ws_client::WsClient,
	method: &str,
	param: &str,
) -> String {
	let error = client
		.request::<Value, _>(method, rpc_params![param])
		.await
		.expect_err("malformed input must be an error");
	let text = error.to_string();
	assert!(
		text.contains("-32602")
			|| text.contains("Invalid params")
			|| text.contains("malformed")
			|| text.contains("device key"),
		"{method}({param}): {text}"
	);
	text
}

#[tokio::test]
async fn vouchers_rpc_methods_answer_and_refuse_bad_input() {
	let dir = test_dir("vouchers-rpc");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	let client = node.client().await;
	let genesis = genesis_hash(&client).await;

	let device = sr25519::Pair::from_string("//DaveDevice", None).unwrap();
	let device_key = to_hex(&device.public().0);
	let unknown: Option<Value> =
		client.request("vouchers_purse", rpc_params![device_key.clone()]).await.unwrap();
	assert_eq!(unknown, None);
	let empty: Value = client.request("vouchers_revocations", rpc_params![]).await.unwrap();
	assert_eq!(empty["entries"], serde_json::json!([]));
	assert_eq!(empty["next"], Value::Null);
	assert_eq!(empty["digest"], to_hex(&[0; 32]), "the empty list's digest");
	let bad = client
		.request::<Value, _>("vouchers_revocations", rpc_params![Value::Null, "0x12"])
		.await
		.expect_err("a start key that is no device key");
	assert!(bad.to_string().contains("device key must be"), "{bad}");

	let ferdie = AccountId::from(Ferdie.public());
	let voucher = Voucher::sign(
		VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: genesis.0,
			device_key: device.public().0,
			counter: 0,
			payee: ferdie.clone().into(),
			amount: rupees(250),
			issued_at: 0,
		},
		&device,
	);
	let check: Value =
		client.request("vouchers_check", rpc_params![voucher.to_text()]).await.unwrap();
	assert_eq!(check["ok"], false);
	assert_eq!(check["reason"], "UnknownPurse");
	assert_eq!(check["code"], 1);

	// Dave funds the purse with a real transaction.
	let fund = RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
		device_key: device.public().0,
		amount: rupees(2_000),
	});
	let block = submit_and_wait(&client, &Dave.pair(), fund).await;
	assert_eq!(failure(&events_at(&client, &block).await), None);
	let purse: Value =
		client.request("vouchers_purse", rpc_params![device_key.clone()]).await.unwrap();
	assert_eq!(purse["owner"], ss58(&AccountId::from(Dave.public())));
	assert_eq!(purse["escrow"], rupees(2_000) as u64);
	assert_eq!(purse["voucherCap"], rupees(1_000) as u64);
	assert_eq!(purse["status"], "Active");

	// The validator's attester signs the finalized funding: a proof payees check offline
	// against the authority set their wallet synced, not against anything Dave says.
	let (proof, decoded) = wait_purse_proof(&client, device.public().0).await;
	assert_eq!(proof["escrow"], rupees(2_000).to_string());
	assert_eq!(proof["signers"], 1, "the dev chain has one validator: {proof}");
	let set = attester_set(&client).await;
	assert_eq!(proof["setId"], set.set_id);
	assert_eq!(decoded.verify(&[set.clone()]), Ok(()));
	assert_eq!(decoded.statement.device_key, device.public().0);
	assert_eq!(decoded.statement.owner, <[u8; 32]>::from(AccountId::from(Dave.public())));
	assert_eq!(decoded.statement.genesis_hash, genesis.0);
	let mut inflated = decoded.clone();
	inflated.statement.escrow *= 10;
	assert!(inflated.verify(&[set]).is_err(), "an inflated proof must not verify");
	let none: Option<Value> =
		client.request("vouchers_purseProof", rpc_params![to_hex(&[7; 32])]).await.unwrap();
	assert_eq!(none, None);

	// The same voucher as text and as hex; the dry run says it would pay.
	let check: Value =
		client.request("vouchers_check", rpc_params![to_hex(&voucher.to_bytes())]).await.unwrap();
	assert_eq!(check["ok"], true, "{check}");
	assert_eq!(check["outcome"]["paid"]["amount"], rupees(250) as u64);
	assert_eq!(check["voucher"]["counter"], 0);
	let status: Value =
		client.request("vouchers_status", rpc_params![voucher.to_text()]).await.unwrap();
	assert_eq!(status["status"], "NotRedeemed");

	// Ferdie redeems it; the event and the status say so.
	let redeem = RuntimeCall::Vouchers(pallet_vouchers::Call::redeem {
		vouchers: sp_runtime::BoundedVec::truncate_from(vec![voucher.clone()]),
	});
	let block = submit_and_wait(&client, &Ferdie.pair(), redeem).await;
	let events = events_at(&client, &block).await;
	assert!(events.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Vouchers(pallet_vouchers::Event::VoucherRedeemed { counter: 0, amount, .. })
			if *amount == rupees(250)
	)));
	let status: Value =
		client.request("vouchers_status", rpc_params![voucher.to_text()]).await.unwrap();
	assert_eq!(status["status"], "Redeemed");
	let check: Value =
		client.request("vouchers_check", rpc_params![voucher.to_text()]).await.unwrap();
	assert_eq!(check["outcome"], "duplicate");

	// Bad input: a JSON-RPC error with the reason, and the node keeps serving.
	let mut damaged = voucher.to_text();
	damaged.replace_range(30..31, if &damaged[30..31] == "A" { "B" } else { "A" });
	assert!(invalid_params(&client, "vouchers_check", &damaged).await.contains("BadChecksum"));
	assert!(invalid_params(&client, "vouchers_status", "hello").await.contains("NotAVoucher"));
	assert!(invalid_params(&client, "vouchers_check", "0xnothex").await.contains("not valid hex"));
	assert!(invalid_params(&client, "vouchers_check", "0x0011").await.contains("Malformed"));
	assert!(invalid_params(&client, "vouchers_purse", "0x1234").await.contains("64 hex digits"));
	assert!(invalid_params(&client, "vouchers_purseProof", "0x12").await.contains("64 hex digits"));
	let health: Value = client.request("system_health", rpc_params![]).await.unwrap();
	assert_eq!(health["isSyncing"], false);
}
