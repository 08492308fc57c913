//! What the chain says about an account: `balance`, `kyc`, `limits`, `can-pay`.

use rupee_primitives::views::StatusName;
use rupee_wallet::{
	amount::{format_amount, format_limit, parse_amount},
	error::Error,
	online::{address, parse_account, Node},
	store::Wallet,
};
use serde_json::json;

use crate::{output, subject, Output};

pub async fn balance(wallet: &Wallet, node: &str, of: Option<String>) -> Result<Output, Error> {
	let who = subject(wallet, of)?;
	let node = Node::connect_for(node, wallet).await?;
	let view = node.account(&who).await?;
	let (free, escrowed) = (view.free, view.escrowed);
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
	let node = Node::connect_for(node, wallet).await?;
	let status = node.kyc_status(&who).await?;
	let text = match &status {
		None => format!("{}: not registered with any bank", address(&who)),
		Some(status) => format!(
			"{}: tier {:?}, {}{}{}, KYC until {} (ms since epoch), provider {}",
			address(&who),
			status.tier,
			status_word(status.status),
			if status.expired { ", EXPIRED" } else { "" },
			if status.frozen { ", FROZEN" } else { "" },
			status.expires_at,
			address(&status.provider.0),
		),
	};
	Ok(output(
		text,
		json!({ "ok": true, "account": address(&who), "registered": status.is_some(), "status": status }),
	))
}

fn status_word(status: StatusName) -> &'static str {
	match status {
		StatusName::Active => "active",
		StatusName::Suspended => "suspended",
		StatusName::Revoked => "revoked",
	}
}

pub async fn limits(wallet: &Wallet, node: &str) -> Result<Output, Error> {
	let who = rupee_wallet::keys::account_id(wallet)?;
	let node = Node::connect_for(node, wallet).await?;
	let Some(status) = node.kyc_status(&who).await? else {
		return Err(Error::Refused(format!("{} is not registered with any bank", address(&who))));
	};
	let usage = &status.usage;
	let text = format!(
		"{} (tier {:?})\n  send today {} left of {}\n  send this month {} left\n  receive today {} left\n  receive this month {} left\n  room under the holding limit {}",
		address(&who),
		status.tier,
		format_limit(usage.daily_debit_left),
		format_limit(usage.limits.daily_debit),
		format_limit(usage.monthly_debit_left),
		format_limit(usage.daily_credit_left),
		format_limit(usage.monthly_credit_left),
		format_limit(usage.balance_room),
	);
	Ok(output(text, json!({ "ok": true, "account": address(&who), "usage": usage })))
}

pub async fn can_pay(
	wallet: &Wallet,
	node: &str,
	to: String,
	amount: String,
) -> Result<Output, Error> {
	let from = rupee_wallet::keys::account_id(wallet)?;
	let payee = parse_account(&to)?;
	let amount = parse_amount(&amount)?;
	let node = Node::connect_for(node, wallet).await?;
	let answer = node.can_transfer(&from, &payee, amount).await?;
	if !answer.ok {
		return Err(Error::Refused(format!(
			"{} (code {})",
			answer.reason.as_deref().unwrap_or("no reason given"),
			answer.code.map_or("?".into(), |code| code.to_string())
		)));
	}
	Ok(output(
		format!("paying {} to {} would go through now", format_amount(amount), address(&payee)),
		json!({ "ok": true, "amount": amount.to_string(), "to": address(&payee) }),
	))
}
