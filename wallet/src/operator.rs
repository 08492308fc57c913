//! What a bank operator, the issuer and a governor sign: KYC registrations, mint and burn, and
//! the Board's motions (propose, vote, close), plus reading the Board's open motions.
//!
//! Each action is a [`RuntimeCall`] built here and submitted with
//! [`Node::submit`](crate::online::Node::submit); the chain decides whether the signer may make
//! it (a provider for its customers, the issuer for mint and burn, a governor for motions).

use codec::{Decode, Encode};
use frame_support::dispatch::GetDispatchInfo;
use rupee_primitives::{Balance, Tier};
use rupee_runtime::{AccountId, BlockNumber, Runtime, RuntimeCall};
use sp_core::H256;
use sp_runtime::{MultiAddress, Weight};

use crate::{
	offline::{bytes32, Error},
	online::{address, Node},
};

type BoardInstance = pallet_collective::Instance1;

/// BLAKE2-256, the hash the chain uses for calls and commitments.
pub fn blake2_256(bytes: &[u8]) -> [u8; 32] {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(bytes).0
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
	RuntimeCall::Kyc(pallet_kyc::Call::register_account {
		who,
		tier,
		expires_at,
		commitment,
		linked_bank,
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
		RuntimeCall::Kyc(match self {
			Self::Tier(tier) => pallet_kyc::Call::set_tier { who, tier },
			Self::Renew { expires_at } => pallet_kyc::Call::renew { who, expires_at },
			Self::Suspend => pallet_kyc::Call::suspend_account { who },
			Self::Reinstate => pallet_kyc::Call::reinstate_account { who },
			Self::Revoke => pallet_kyc::Call::revoke_account { who },
		})
	}
}

/// The issuer creates `amount` in bank `to`'s reserve.
pub fn mint(to: AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Rupee(pallet_rupee::Call::mint { to, amount })
}

/// The issuer destroys `amount` of its own balance.
pub fn burn(amount: Balance) -> RuntimeCall {
	RuntimeCall::Rupee(pallet_rupee::Call::burn { amount })
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
		use pallet_rupee::Call as Rupee;
		Ok(match self {
			Self::SupplyCeiling(ceiling) => {
				RuntimeCall::Rupee(Rupee::set_supply_ceiling { ceiling })
			},
			Self::Issuer(issuer) => RuntimeCall::Rupee(Rupee::set_issuer { issuer }),
			Self::AccreditProvider(provider) => {
				RuntimeCall::Kyc(pallet_kyc::Call::accredit_provider { provider })
			},
			Self::RegisterInstitution { who, provider, expires_at, commitment } => {
				RuntimeCall::Kyc(pallet_kyc::Call::register_institution {
					who,
					provider,
					expires_at,
					commitment,
				})
			},
			Self::SuspendProvider(provider) => {
				RuntimeCall::Kyc(pallet_kyc::Call::suspend_provider { provider })
			},
			Self::Freeze(who) => RuntimeCall::Rupee(Rupee::freeze { who }),
			Self::Unfreeze(who) => RuntimeCall::Rupee(Rupee::unfreeze { who }),
			Self::AddGovernor(who) => {
				RuntimeCall::BoardMembership(pallet_membership::Call::add_member {
					who: MultiAddress::Id(who),
				})
			},
			Self::RemoveGovernor(who) => {
				RuntimeCall::BoardMembership(pallet_membership::Call::remove_member {
					who: MultiAddress::Id(who),
				})
			},
			Self::AddValidator(who) => {
				RuntimeCall::Validators(pallet_validators::Call::add_validator { who })
			},
			Self::RemoveValidator(who) => {
				RuntimeCall::Validators(pallet_validators::Call::remove_validator { who })
			},
			Self::Encoded(bytes) => RuntimeCall::decode(&mut &bytes[..]).map_err(|error| {
				Error::BadInput(format!("the call does not decode with this runtime: {error}"))
			})?,
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
	RuntimeCall::Board(pallet_collective::Call::propose {
		threshold,
		proposal: Box::new(call),
		length_bound,
	})
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

/// `pallet_collective::Votes`, whose fields are private there; the same SCALE layout.
#[derive(Decode)]
struct Votes {
	index: u32,
	threshold: u32,
	ayes: Vec<AccountId>,
	nays: Vec<AccountId>,
	end: BlockNumber,
}

impl Motion {
	pub fn vote(&self, approve: bool) -> RuntimeCall {
		RuntimeCall::Board(pallet_collective::Call::vote {
			proposal: self.hash,
			index: self.index,
			approve,
		})
	}

	/// Close it: executes the call if it has the ayes (or after `end`, unless the nays won).
	pub fn close(&self) -> RuntimeCall {
		RuntimeCall::Board(pallet_collective::Call::close {
			proposal_hash: self.hash,
			index: self.index,
			proposal_weight_bound: self.weight(),
			length_bound: self.call.encoded_size() as u32,
		})
	}

	fn weight(&self) -> Weight {
		self.call.get_dispatch_info().call_weight
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
	use pallet_rupee::Call as Rupee;
	match call {
		RuntimeCall::Rupee(Rupee::set_supply_ceiling { ceiling }) => {
			format!("Rupee.set_supply_ceiling({})", crate::amount::format_amount(*ceiling))
		},
		RuntimeCall::Rupee(Rupee::set_issuer { issuer }) => {
			format!("Rupee.set_issuer({})", address(issuer))
		},
		RuntimeCall::Rupee(Rupee::freeze { who }) => format!("Rupee.freeze({})", address(who)),
		RuntimeCall::Rupee(Rupee::unfreeze { who }) => format!("Rupee.unfreeze({})", address(who)),
		RuntimeCall::Kyc(pallet_kyc::Call::accredit_provider { provider }) => {
			format!("Kyc.accredit_provider({})", address(provider))
		},
		RuntimeCall::Kyc(pallet_kyc::Call::register_institution { who, provider, .. }) => {
			format!("Kyc.register_institution({}, kept by {})", address(who), address(provider))
		},
		RuntimeCall::Validators(pallet_validators::Call::add_validator { who }) => {
			format!("Validators.add_validator({})", address(who))
		},
		RuntimeCall::Validators(pallet_validators::Call::remove_validator { who }) => {
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
		let key = pallet_collective::Members::<Runtime, BoardInstance>::hashed_key();
		Ok(self.storage_value(&key).await?.unwrap_or_default())
	}

	/// Every open motion, oldest first.
	pub async fn motions(&self) -> Result<Vec<Motion>, Error> {
		let key = pallet_collective::Proposals::<Runtime, BoardInstance>::hashed_key();
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
		let call_key =
			pallet_collective::ProposalOf::<Runtime, BoardInstance>::hashed_key_for(hash);
		let votes_key = pallet_collective::Voting::<Runtime, BoardInstance>::hashed_key_for(hash);
		let (Some(call), Some(votes)) = (
			self.storage_value::<RuntimeCall>(&call_key).await?,
			self.storage_value::<Votes>(&votes_key).await?,
		) else {
			return Err(Error::BadInput(format!("no open motion {hash:?}")));
		};
		Ok(Motion {
			hash,
			index: votes.index,
			threshold: votes.threshold,
			ayes: votes.ayes,
			nays: votes.nays,
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
	}

	#[test]
	fn votes_decode_like_the_collectives_own_type() {
		let alice = AccountId::from([1; 32]);
		// Build the pallet's value through its SCALE form: index, threshold, ayes, nays, end.
		let encoded = (7u32, 2u32, vec![alice.clone()], Vec::<AccountId>::new(), 99u32).encode();
		let theirs =
			pallet_collective::Votes::<AccountId, BlockNumber>::decode(&mut &encoded[..]).unwrap();
		let ours = Votes::decode(&mut &theirs.encode()[..]).unwrap();
		assert_eq!((ours.index, ours.threshold, ours.ayes, ours.end), (7, 2, vec![alice], 99));
		assert!(ours.nays.is_empty());
	}
}
