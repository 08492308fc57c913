//! What a bank operator, the issuer and a governor sign: KYC registrations, mint and burn, and
//! the Board's motions (propose, vote, close), plus reading the Board's open motions.
//!
//! Each action is a [`RuntimeCall`] built here and submitted with
//! [`Node::submit`](crate::online::Node::submit); the chain decides whether the signer may make
//! it (a provider for its customers, the issuer for mint and burn, a governor for motions).

use codec::Encode;
use rupee_primitives::{Balance, Tier};
use sp_core::H256;
use subxt::utils::MultiAddress;

use crate::{
	chain::{self, rt, AccountId, BlockNumber, RuntimeCall, Static},
	error::Error,
	offline::bytes32,
	online::{address, Node},
};

use rt::{
	pallet_collective::pallet::Call as Board, pallet_kyc::pallet::Call as Kyc,
	pallet_rupee::pallet::Call as Rupee,
};

/// BLAKE2-256, the hash the chain uses for calls and commitments.
pub fn blake2_256(bytes: &[u8]) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(bytes)
}

/// A tier by name: `L0`, `L1`, `L2`, `Merchant` or `Institution` (any case).
pub fn parse_tier(text: &str) -> Result<Tier, Error> {
	match text.trim().to_ascii_lowercase().as_str() {
		"l0" => Ok(Tier::L0),
		"l1" => Ok(Tier::L1),
		"l2" => Ok(Tier::L2),
		"merchant" => Ok(Tier::Merchant),
		"institution" => Ok(Tier::Institution),
		_ => Err(Error::BadInput(format!(
			"unknown tier {text:?}: use L0, L1, L2, Merchant or Institution"
		))),
	}
}

/// The commitment a bank registers for a customer: `0x` + 64 hex digits as given, or else the
/// BLAKE2-256 hash of the KYC record text (which stays with the bank, off chain).
pub fn commitment(text: &str) -> [u8; 32] {
	bytes32(text).unwrap_or_else(|| blake2_256(text.as_bytes()))
}

/// A provider registers `who` as its customer.
pub fn register_customer(
	who: AccountId,
	tier: Tier,
	expires_at: u64,
	commitment: [u8; 32],
	linked_bank: Option<AccountId>,
) -> RuntimeCall {
	RuntimeCall::Kyc(Kyc::register_account {
		who: Static(who),
		tier: Static(tier),
		expires_at,
		commitment,
		linked_bank: linked_bank.map(Static),
	})
}

/// A provider (or the Board) changes one of its customers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CustomerChange {
	Tier(Tier),
	Renew { expires_at: u64 },
	Suspend,
	Reinstate,
	Revoke,
}

impl CustomerChange {
	pub fn call(self, who: AccountId) -> RuntimeCall {
		let who = Static(who);
		RuntimeCall::Kyc(match self {
			Self::Tier(tier) => Kyc::set_tier { who, tier: Static(tier) },
			Self::Renew { expires_at } => Kyc::renew { who, expires_at },
			Self::Suspend => Kyc::suspend_account { who },
			Self::Reinstate => Kyc::reinstate_account { who },
			Self::Revoke => Kyc::revoke_account { who },
		})
	}
}

/// The issuer creates `amount` in bank `to`'s reserve.
pub fn mint(to: AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Rupee(Rupee::mint { to: Static(to), amount })
}

/// The issuer destroys `amount` of its own balance.
pub fn burn(amount: Balance) -> RuntimeCall {
	RuntimeCall::Rupee(Rupee::burn { amount })
}

/// What a Board motion can ask for: the common privileged calls by name, or any call as SCALE
/// hex (for example one built with polkadot.js).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proposal {
	SupplyCeiling(Balance),
	Issuer(AccountId),
	AccreditProvider(AccountId),
	/// Register an Institution-tier account (a bank's reserve, the issuer's account), kept by
	/// `provider`.
	RegisterInstitution {
		who: AccountId,
		provider: AccountId,
		expires_at: u64,
		commitment: [u8; 32],
	},
	SuspendProvider(AccountId),
	Freeze(AccountId),
	Unfreeze(AccountId),
	AddGovernor(AccountId),
	RemoveGovernor(AccountId),
	AddValidator(AccountId),
	RemoveValidator(AccountId),
	Encoded(Vec<u8>),
}

impl Proposal {
	pub fn call(self) -> Result<RuntimeCall, Error> {
		use rt::{
			pallet_membership::pallet::Call as Membership,
			pallet_validators::pallet::Call as Validators,
		};
		Ok(match self {
			Self::SupplyCeiling(ceiling) => {
				RuntimeCall::Rupee(Rupee::set_supply_ceiling { ceiling })
			},
			Self::Issuer(issuer) => {
				RuntimeCall::Rupee(Rupee::set_issuer { issuer: Static(issuer) })
			},
			Self::AccreditProvider(provider) => {
				RuntimeCall::Kyc(Kyc::accredit_provider { provider: Static(provider) })
			},
			Self::RegisterInstitution { who, provider, expires_at, commitment } => {
				RuntimeCall::Kyc(Kyc::register_institution {
					who: Static(who),
					provider: Static(provider),
					expires_at,
					commitment,
				})
			},
			Self::SuspendProvider(provider) => {
				RuntimeCall::Kyc(Kyc::suspend_provider { provider: Static(provider) })
			},
			Self::Freeze(who) => RuntimeCall::Rupee(Rupee::freeze { who: Static(who) }),
			Self::Unfreeze(who) => RuntimeCall::Rupee(Rupee::unfreeze { who: Static(who) }),
			Self::AddGovernor(who) => RuntimeCall::BoardMembership(Membership::add_member {
				who: MultiAddress::Id(Static(who)),
			}),
			Self::RemoveGovernor(who) => RuntimeCall::BoardMembership(Membership::remove_member {
				who: MultiAddress::Id(Static(who)),
			}),
			Self::AddValidator(who) => {
				RuntimeCall::Validators(Validators::add_validator { who: Static(who) })
			},
			Self::RemoveValidator(who) => {
				RuntimeCall::Validators(Validators::remove_validator { who: Static(who) })
			},
			Self::Encoded(bytes) => {
				// Exactly the bytes given, or nothing: what governors hashed is what is proposed.
				let call = codec::DecodeAll::decode_all(&mut &bytes[..]).map_err(|error| {
					Error::BadInput(format!("the call does not decode with this runtime: {error}"))
				})?;
				if RuntimeCall::encode(&call) != bytes {
					return Err(Error::BadInput(
						"the call's bytes are not in their one canonical encoding".into(),
					));
				}
				call
			},
		})
	}
}

/// The smallest number of ayes that passes every Board-governed call with `members`
/// governors: two thirds, rounded up (which is also a majority).
pub fn default_threshold(members: usize) -> u32 {
	(2 * members).div_ceil(3).max(1) as u32
}

/// A governor proposes `call` to the Board; it executes once `threshold` governors approve (at
/// once when `threshold` is 1).
pub fn propose(call: RuntimeCall, threshold: u32) -> RuntimeCall {
	let length_bound = call.encoded_size() as u32;
	RuntimeCall::Board(Board::propose { threshold, proposal: Box::new(call), length_bound })
}

/// The hash a motion is known by: BLAKE2-256 of its call.
pub fn motion_hash(call: &RuntimeCall) -> H256 {
	H256(blake2_256(&call.encode()))
}

/// An open Board motion, as stored on chain.
#[derive(Clone, Debug)]
pub struct Motion {
	pub hash: H256,
	pub index: u32,
	pub threshold: u32,
	pub ayes: Vec<AccountId>,
	pub nays: Vec<AccountId>,
	/// The block after which it can be closed whatever the votes.
	pub end: BlockNumber,
	pub call: RuntimeCall,
}

impl Motion {
	pub fn vote(&self, approve: bool) -> RuntimeCall {
		RuntimeCall::Board(Board::vote {
			proposal: subxt::utils::H256(self.hash.0),
			index: self.index,
			approve,
		})
	}

	/// Close it: executes the call if it has the ayes (or after `end`, unless the nays won).
	pub fn close(&self) -> RuntimeCall {
		RuntimeCall::Board(Board::close {
			proposal_hash: subxt::utils::H256(self.hash.0),
			index: self.index,
			proposal_weight_bound: chain::motion_weight(),
			length_bound: self.call.encoded_size() as u32,
		})
	}

	/// One line: index, hash, the call, and the votes.
	pub fn describe(&self) -> String {
		format!(
			"#{} {:?}: {} — {} aye, {} nay of {} needed; voting ends at block #{}",
			self.index,
			self.hash,
			describe_call(&self.call),
			self.ayes.len(),
			self.nays.len(),
			self.threshold,
			self.end
		)
	}

	pub fn to_json(&self) -> serde_json::Value {
		serde_json::json!({
			"hash": format!("{:?}", self.hash),
			"index": self.index,
			"threshold": self.threshold,
			"ayes": self.ayes.iter().map(address).collect::<Vec<_>>(),
			"nays": self.nays.iter().map(address).collect::<Vec<_>>(),
			"end": self.end,
			"call": describe_call(&self.call),
			"callHex": crate::offline::hex(&self.call.encode()),
		})
	}
}

/// `Pallet.call { args }` for people, with addresses in the chain's format.
pub fn describe_call(call: &RuntimeCall) -> String {
	use rt::pallet_validators::pallet::Call as Validators;
	match call {
		RuntimeCall::Rupee(Rupee::set_supply_ceiling { ceiling }) => {
			format!("Rupee.set_supply_ceiling({})", crate::amount::format_amount(*ceiling))
		},
		RuntimeCall::Rupee(Rupee::set_issuer { issuer }) => {
			format!("Rupee.set_issuer({})", address(issuer))
		},
		RuntimeCall::Rupee(Rupee::freeze { who }) => format!("Rupee.freeze({})", address(who)),
		RuntimeCall::Rupee(Rupee::unfreeze { who }) => format!("Rupee.unfreeze({})", address(who)),
		RuntimeCall::Kyc(Kyc::accredit_provider { provider }) => {
			format!("Kyc.accredit_provider({})", address(provider))
		},
		RuntimeCall::Kyc(Kyc::register_institution { who, provider, .. }) => {
			format!("Kyc.register_institution({}, kept by {})", address(who), address(provider))
		},
		RuntimeCall::Validators(Validators::add_validator { who }) => {
			format!("Validators.add_validator({})", address(who))
		},
		RuntimeCall::Validators(Validators::remove_validator { who }) => {
			format!("Validators.remove_validator({})", address(who))
		},
		other => {
			let text = format!("{other:?}");
			if text.len() > 200 {
				format!("{}…", &text[..text.char_indices().nth(200).map_or(text.len(), |(i, _)| i)])
			} else {
				text
			}
		},
	}
}

impl Node {
	/// The Board's governors.
	pub async fn governors(&self) -> Result<Vec<AccountId>, Error> {
		let key = chain::value_key("Board", "Members");
		Ok(self.storage_value(&key).await?.unwrap_or_default())
	}

	/// Every open motion, oldest first.
	pub async fn motions(&self) -> Result<Vec<Motion>, Error> {
		let key = chain::value_key("Board", "Proposals");
		let hashes: Vec<H256> = self.storage_value(&key).await?.unwrap_or_default();
		let mut motions = Vec::with_capacity(hashes.len());
		for hash in hashes {
			motions.push(self.motion(hash).await?);
		}
		Ok(motions)
	}

	/// The open motion `hash`, or [`Error::BadInput`] if there is none (never proposed, or
	/// already closed).
	pub async fn motion(&self, hash: H256) -> Result<Motion, Error> {
		let call_key = chain::identity_key("Board", "ProposalOf", hash.as_bytes());
		let votes_key = chain::identity_key("Board", "Voting", hash.as_bytes());
		let (Some(call), Some(votes)) = (
			self.storage_value::<RuntimeCall>(&call_key).await?,
			self.storage_value::<rt::pallet_collective::Votes<Static<AccountId>, BlockNumber>>(
				&votes_key,
			)
			.await?,
		) else {
			return Err(Error::BadInput(format!("no open motion {hash:?}")));
		};
		// The node could describe another call for this motion: governors vote on the hash.
		if motion_hash(&call) != hash {
			return Err(Error::Rpc(format!(
				"the node's call for motion {hash:?} is not the one its hash commits to"
			)));
		}
		Ok(Motion {
			hash,
			index: votes.index,
			threshold: votes.threshold,
			ayes: votes.ayes.into_iter().map(|who| who.0).collect(),
			nays: votes.nays.into_iter().map(|who| who.0).collect(),
			end: votes.end,
			call,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn tiers_parse_by_name_in_any_case() {
		assert_eq!(parse_tier("l1").unwrap(), Tier::L1);
		assert_eq!(parse_tier(" Merchant ").unwrap(), Tier::Merchant);
		assert_eq!(parse_tier("INSTITUTION").unwrap(), Tier::Institution);
		let error = parse_tier("gold").unwrap_err();
		assert_eq!(error.exit_code(), 2);
		assert!(error.to_string().contains("unknown tier \"gold\""), "{error}");
	}

	#[test]
	fn a_commitment_is_the_given_hash_or_the_hash_of_the_record() {
		let hash = format!("0x{}", "ab".repeat(32));
		assert_eq!(commitment(&hash), [0xab; 32]);
		assert_eq!(commitment("NIC 35202-1234567-1"), blake2_256(b"NIC 35202-1234567-1"));
		// Not 32 bytes of hex: hashed like any text.
		assert_eq!(commitment("0xabcd"), blake2_256(b"0xabcd"));
	}

	#[test]
	fn the_default_threshold_is_two_thirds_rounded_up() {
		assert_eq!([1, 2, 3, 4, 5, 6, 7].map(default_threshold), [1, 2, 2, 3, 4, 4, 5]);
	}

	#[test]
	fn an_encoded_proposal_must_decode_with_this_runtime() {
		let ceiling = Proposal::SupplyCeiling(5).call().unwrap();
		assert_eq!(Proposal::Encoded(ceiling.encode()).call().unwrap(), ceiling);
		let error = Proposal::Encoded(vec![0xff, 0xff]).call().unwrap_err();
		assert_eq!(error.exit_code(), 2);
		assert!(error.to_string().contains("does not decode"), "{error}");
		// A second call pasted after the first is not dropped silently.
		let mut two = ceiling.encode();
		two.extend(Proposal::SupplyCeiling(6).call().unwrap().encode());
		assert_eq!(Proposal::Encoded(two).call().unwrap_err().exit_code(), 2);
	}
}
