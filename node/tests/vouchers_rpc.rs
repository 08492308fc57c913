//! Every `vouchers_*` JSON-RPC method on a dev node, with good and bad parameters: a purse
//! funded by a real transaction, a voucher checked, redeemed and reported, malformed input
//! answered with `-32602` and a reason, never a crash.

use crate::common;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use rupee_primitives::{
	rupees,
	voucher::{Voucher, VoucherBody, VOUCHER_VERSION},
};
use rupee_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use serde_json::Value;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

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
	assert_eq!(purse["escrow"], rupees(2_000).to_string());
	assert_eq!(purse["voucherCap"], rupees(1_000).to_string());
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
	assert_eq!(check["outcome"]["paid"]["amount"], rupees(250).to_string());
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

	// Bounded liability on the real node. The Board (sudo on dev) funds the guarantee reserve
	// from Bob's bank; Eve proves a purse of 1,000 PKR, keeps 1,000 PKR of balance, loses her
	// phone and closes the purse; the thief backdates one counter to Ferdie, Dave and Charlie.
	let sudo =
		|call: RuntimeCall| RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) });
	let fund_reserve = sudo(RuntimeCall::Vouchers(pallet_vouchers::Call::fund_guarantee {
		from: AccountId::from(Bob.public()),
		amount: rupees(5_000),
	}));
	let block = submit_and_wait(&client, &Alice.pair(), fund_reserve).await;
	assert_eq!(failure(&events_at(&client, &block).await), None);
	let phone = sr25519::Pair::from_string("//EvePhone", None).unwrap();
	let fund = RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
		device_key: phone.public().0,
		amount: rupees(1_000),
	});
	submit_and_wait(&client, &Eve.pair(), fund).await;
	wait_purse_proof(&client, phone.public().0).await;
	let eve_free = |view: Value| rpc_amount(&view["free"]);
	let eve = AccountId::from(Eve.public());
	let view: Value = client.request("rupee_account", rpc_params![ss58(&eve)]).await.unwrap();
	let spend = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
		to: AccountId::from(Ferdie.public()),
		amount: eve_free(view) - rupees(1_000),
	});
	submit_and_wait(&client, &Eve.pair(), spend).await;
	let close =
		RuntimeCall::Vouchers(pallet_vouchers::Call::close_purse { device_key: phone.public().0 });
	submit_and_wait(&client, &Eve.pair(), close).await;
	// Closing keeps the expiry the proof promised: the purse cannot be settled yet.
	let purse: Value =
		client.request("vouchers_purse", rpc_params![to_hex(&phone.public().0)]).await.unwrap();
	assert_eq!(purse["status"], "Closed");
	let early =
		RuntimeCall::Vouchers(pallet_vouchers::Call::settle { device_key: phone.public().0 });
	let block = submit_and_wait(&client, &Ferdie.pair(), early).await;
	let not_yet = sp_runtime::DispatchError::from(
		pallet_vouchers::Error::<rupee_runtime::Runtime>::NotYetSettleable,
	);
	assert_eq!(
		failure(&events_at(&client, &block).await).map(|error| error.stripped()),
		Some(not_yet.stripped())
	);
	let stolen = |payee: AccountId, issued_at: u64| {
		Voucher::sign(
			VoucherBody {
				version: VOUCHER_VERSION,
				genesis_hash: genesis.0,
				device_key: phone.public().0,
				counter: 0,
				payee: payee.into(),
				amount: rupees(1_000),
				issued_at,
			},
			&phone,
		)
	};
	let victims = [Ferdie.public(), Dave.public(), Charlie.public()].map(AccountId::from);
	let backdated: Vec<Voucher> = victims.iter().map(|v| stolen(v.clone(), 0)).collect();
	let redeem = RuntimeCall::Vouchers(pallet_vouchers::Call::redeem {
		vouchers: sp_runtime::BoundedVec::truncate_from(backdated),
	});
	let block = submit_and_wait(&client, &Ferdie.pair(), redeem).await;
	let paid: Vec<(u128, u128, u128)> = events_at(&client, &block)
		.await
		.iter()
		.filter_map(|record| match &record.event {
			RuntimeEvent::Vouchers(pallet_vouchers::Event::VoucherRedeemed { amount, .. }) => {
				Some((*amount, 0, 0))
			},
			RuntimeEvent::Vouchers(pallet_vouchers::Event::VictimCompensated {
				from_escrow,
				from_balance,
				from_reserve,
				..
			}) => Some((*from_escrow, *from_balance, *from_reserve)),
			_ => None,
		})
		.collect();
	// Ferdie from the escrow, Dave from Eve's last 1,000 PKR, Charlie from the reserve.
	assert_eq!(
		paid,
		vec![(rupees(1_000), 0, 0), (0, rupees(1_000), 0), (0, 0, rupees(1_000))],
		"{paid:?}"
	);
	let view: Value = client.request("rupee_account", rpc_params![ss58(&eve)]).await.unwrap();
	assert_eq!(eve_free(view), 0, "Eve lost her purse and one purse's worth, no more");
	// A voucher dated more than a day after the close: any payee's list would have shown it.
	let revoked: Value = client.request("vouchers_revocations", rpc_params![]).await.unwrap();
	let since = revoked["entries"][0]["since"].as_u64().unwrap();
	let late = stolen(AccountId::from(Dave.public()), since + 2 * 24 * 60 * 60 * 1_000);
	let check: Value = client.request("vouchers_check", rpc_params![late.to_text()]).await.unwrap();
	assert_eq!(check["code"], 15, "{check}");
}
