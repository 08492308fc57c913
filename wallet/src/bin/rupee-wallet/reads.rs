//! What the chain says about an account: `balance`, `kyc`, `limits`, `can-pay`.

use rupee_wallet::{
	amount::{format_amount, format_limit, json_amount, parse_amount},
	offline::{self, Error},
	online::{address, parse_account, Node},
	store::Wallet,
};
use serde_json::json;

use crate::{output, subject, Output};

pub async fn balance(wallet: &Wallet, node: &str, of: Option<String>) -> Result<Output, Error> {
	let who = subject(wallet, of)?;
	let node = Node::connect(node).await?;
	let view = node.account(&who).await?;
	let amount = |field: &str| {
		json_amount(&view[field])
			.ok_or_else(|| Error::Rpc(format!("the node's {field} balance is not an amount")))
	};
	let (free, escrowed) = (amount("free")?, amount("escrowed")?);
	Ok(output(
		format!(
			"{}\n  balance {}\n  in purses {}",
			address(&who),
			format_amount(free),
			format_amount(escrowed)
		),
		json!({ "ok": true, "account": address(&who), "free": free.to_string(), "escrowed": escrowed.to_string(), "view": view }),
	))
}

pub async fn kyc(wallet: &Wallet, node: &str, of: Option<String>) -> Result<Output, Error> {
	let who = subject(wallet, of)?;
	let node = Node::connect(node).await?;
	let status = node.kyc_status(&who).await?;
	let text = if status.is_null() {
		format!("{}: not registered with any bank", address(&who))
	} else {
		format!(
			"{}: tier {}, {}{}{}, KYC until {} (ms since epoch), provider {}",
			address(&who),
			status["tier"].as_str().unwrap_or("?"),
			status["status"].as_str().unwrap_or("?"),
			if status["expired"] == true { ", EXPIRED" } else { "" },
			if status["frozen"] == true { ", FROZEN" } else { "" },
			status["expiresAt"],
			status["provider"].as_str().unwrap_or("?"),
		)
	};
	let registered = !status.is_null();
	Ok(output(
		text,
		json!({ "ok": true, "account": address(&who), "registered": registered, "status": status }),
	))
}

pub async fn limits(wallet: &Wallet, node: &str) -> Result<Output, Error> {
	let who = offline::account_id(wallet)?;
	let node = Node::connect(node).await?;
	let status = node.kyc_status(&who).await?;
	let usage = &status["usage"];
	if usage.is_null() {
		return Err(Error::Refused(format!("{} is not registered with any bank", address(&who))));
	}
	let amount = |field: &str| format_limit(&usage[field]);
	let text = format!(
		"{} (tier {})\n  send today {} left of {}\n  send this month {} left\n  receive today {} left\n  receive this month {} left\n  room under the holding limit {}",
		address(&who),
		status["tier"].as_str().unwrap_or("?"),
		amount("dailyDebitLeft"),
		format_limit(&usage["limits"]["dailyDebit"]),
		amount("monthlyDebitLeft"),
		amount("dailyCreditLeft"),
		amount("monthlyCreditLeft"),
		amount("balanceRoom"),
	);
	Ok(output(text, json!({ "ok": true, "account": address(&who), "usage": usage })))
}

pub async fn can_pay(
	wallet: &Wallet,
	node: &str,
	to: String,
	amount: String,
) -> Result<Output, Error> {
	let from = offline::account_id(wallet)?;
	let payee = parse_account(&to)?;
	let amount = parse_amount(&amount)?;
	let node = Node::connect(node).await?;
	let answer = node.can_transfer(&from, &payee, amount).await?;
	if answer["ok"] != true {
		return Err(Error::Refused(format!(
			"{} (code {})",
			answer["reason"].as_str().unwrap_or("?"),
			answer["code"]
		)));
	}
	Ok(output(
		format!("paying {} to {} would go through now", format_amount(amount), address(&payee)),
		json!({ "ok": true, "amount": amount.to_string(), "to": address(&payee) }),
	))
}
