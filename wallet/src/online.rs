//! The wallet's online side, over the node's JSON-RPC (WebSocket): submit signed transactions
//! and follow them to finality, sync the purse and the revocation list, redeem vouchers.

use std::time::Duration;

use codec::{Decode, Encode};
use jsonrpsee::{
	core::{
		client::{ClientT, Error as ClientError, SubscriptionClientT},
		params::ArrayParams,
	},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use rupee_primitives::{
	views::{AccountStatusView, AccountView, PurseStatus, VoucherStatus},
	voucher::{PurseCertificate, Voucher, VOUCHER_VERSION},
};
use rupee_rpc_api::{
	kyc::KycApiClient,
	rupee::{CanTransfer, RupeeApiClient},
	vouchers::{PurseAnswer, VouchersApiClient},
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sp_core::{
	crypto::{Ss58AddressFormat, Ss58Codec},
	sr25519, Pair,
};

use crate::{
	chain::{
		self, rt, AccountId, EventRecord, RuntimeCall, RuntimeError, RuntimeEvent, SigningContext,
		Static,
	},
	error::Error,
	keys,
	offline::{self, bytes32, hex, unhex},
	store::{ReceivedStatus, Wallet},
};

/// Refuses to sign for a chain whose runtime runs another transaction version than the one
/// this wallet was built for ([`chain::transaction_version`]): its calls may mean something
/// else there. An upgrade that keeps the version (most do) needs no new wallet.
pub fn check_transaction_version(chain: u32) -> Result<(), Error> {
	match chain::transaction_version() {
		built if built == chain => Ok(()),
		built => Err(Error::Outdated { built, chain }),
	}
}

/// The chain's SS58 address prefix, used to show addresses.
pub const SS58_PREFIX: u16 = 1947;

/// How long to wait for a transaction to be finalized.
pub const FINALITY_TIMEOUT: Duration = Duration::from_secs(120);

/// How many blocks a signed transaction stays valid (about four minutes of two-second blocks):
/// a transaction lost on the way cannot be replayed later.
pub const MORTAL_PERIOD: u64 = 128;

/// The number in a JSON header (`"number": "0x1a"`).
pub fn header_number(header: &Value) -> Option<u32> {
	header["number"]
		.as_str()
		.and_then(|number| u32::from_str_radix(number.trim_start_matches("0x"), 16).ok())
}

/// `who` as people see it (SS58 with the chain's prefix).
pub fn address(who: &AccountId) -> String {
	who.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

/// An account from an SS58 address (any prefix), `0x`-hex public key, or a `//Name` dev URI.
pub fn parse_account(text: &str) -> Result<AccountId, Error> {
	let text = text.trim();
	if let Ok((who, _)) = AccountId::from_ss58check_with_version(text) {
		return Ok(who);
	}
	if let Some(bytes) = bytes32(text) {
		return Ok(AccountId::from(bytes));
	}
	if text.starts_with("//") {
		if let Ok(pair) = sr25519::Pair::from_string(text, None) {
			return Ok(AccountId::from(pair.public()));
		}
	}
	Err(Error::BadAddress(text.to_string()))
}

/// A block hash as JSON-RPC spells it (`0x`-hex).
type Hash = String;

/// An account in the node's JSON: SS58 with the chain's prefix ([`SS58_PREFIX`]) written, any
/// prefix read. (`AccountId` itself reads only registered prefixes or the process's default,
/// and 1947 is neither in the wallet.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address(pub AccountId);

impl serde::Serialize for Address {
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&address(&self.0))
	}
}

impl<'de> serde::Deserialize<'de> for Address {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = String::deserialize(deserializer)?;
		AccountId::from_ss58check_with_version(&text)
			.map(|(who, _)| Address(who))
			.map_err(|_| serde::de::Error::custom(format!("not an SS58 address: {text}")))
	}
}

/// The form the node's RPC parses (the generic SS58 prefix).
fn rpc_address(who: &AccountId) -> String {
	who.to_ss58check()
}

pub use rupee_wallet_core::state::Signed;

/// What became of a transaction signed earlier.
pub enum Earlier {
	/// Finalized and successful.
	Done(Finalized),
	/// Finalized, but it failed: the reason.
	Failed(String),
	/// It can never be included: its nonce was used by another transaction, or its lifetime
	/// ended, and no finalized block holds it.
	Never,
	/// In finalized block `block_number`, but the node no longer keeps that block's events:
	/// whether it succeeded is not known here.
	Included { block_number: u32 },
}

/// A transaction finalized on chain, with the events it caused.
pub struct Finalized {
	pub block_hash: String,
	pub block_number: u32,
	pub events: Vec<RuntimeEvent>,
}

/// A connection to a node.
pub struct Node {
	client: WsClient,
	url: String,
	/// The spec versions of the node's runtimes known to read and write as this wallet's does.
	compatible: std::sync::Mutex<Vec<u32>>,
	/// The chain's genesis hash, once asked for (it cannot change).
	genesis: std::sync::OnceLock<[u8; 32]>,
}

/// The version of a runtime, as `state_getRuntimeVersion` reports it.
struct RuntimeVersion {
	spec_name: String,
	spec_version: u32,
	transaction_version: u32,
}

impl Node {
	/// Connect to `url` (e.g. `ws://127.0.0.1:9944`).
	pub async fn connect(url: &str) -> Result<Self, Error> {
		let client = WsClientBuilder::default()
			.connection_timeout(Duration::from_secs(5))
			.request_timeout(Duration::from_secs(60))
			.build(url)
			.await
			.map_err(|_| Error::NodeUnreachable(url.to_string()))?;
		Ok(Self {
			client,
			url: url.to_string(),
			compatible: Default::default(),
			genesis: Default::default(),
		})
	}

	/// Connect to `url`, which must serve the chain `wallet` belongs to (the genesis hash its
	/// first sync took): a node of another chain would take its transactions and show it
	/// another ledger.
	pub async fn connect_for(url: &str, wallet: &Wallet) -> Result<Self, Error> {
		let node = Self::connect(url).await?;
		if let Some(ours) = wallet.state.genesis_hash.as_deref() {
			let theirs = hex(&node.genesis_hash().await?);
			if theirs != ours {
				return Err(other_chain(url, &theirs, ours));
			}
		}
		Ok(node)
	}

	fn error(&self, error: ClientError) -> Error {
		match error {
			ClientError::Call(error) => Error::Rpc(match error.data() {
				Some(data) => format!("{} ({})", error.message(), data.get()),
				None => error.message().to_string(),
			}),
			ClientError::RestartNeeded(_) | ClientError::Transport(_) => {
				Error::NodeUnreachable(self.url.clone())
			},
			other => Error::Rpc(other.to_string()),
		}
	}

	async fn request<R: DeserializeOwned>(
		&self,
		method: &str,
		params: ArrayParams,
	) -> Result<R, Error> {
		self.answer(self.client.request(method, params)).await
	}

	/// The answer to a request, its failure as the wallet's [`Error`].
	async fn answer<R>(
		&self,
		request: impl std::future::Future<Output = Result<R, ClientError>>,
	) -> Result<R, Error> {
		request.await.map_err(|error| self.error(error))
	}

	pub async fn genesis_hash(&self) -> Result<[u8; 32], Error> {
		if let Some(genesis) = self.genesis.get() {
			return Ok(*genesis);
		}
		let hash: String = self.request("chain_getBlockHash", rpc_params![0]).await?;
		let genesis =
			bytes32(&hash).ok_or_else(|| Error::Rpc(format!("bad genesis hash {hash}")))?;
		Ok(*self.genesis.get_or_init(|| genesis))
	}

	/// What to sign a transaction for now: this chain, the runtime version the node runs (it
	/// changes with a runtime upgrade) and a lifetime of [`MORTAL_PERIOD`] blocks from the last
	/// finalized block.
	pub async fn signing_context(&self) -> Result<SigningContext, Error> {
		let genesis_hash = self.genesis_hash().await?;
		let version = self.runtime_version_at(None).await?;
		check_transaction_version(version.transaction_version)?;
		self.check_runtime(&version, None).await?;
		let (hash, block_number) = self.finalized_head().await?;
		let block_hash =
			bytes32(&hash).ok_or_else(|| Error::Rpc(format!("bad block hash {hash}")))?;
		// The metadata check (RFC 78) stays off: the calls are checked against the metadata
		// this wallet was built with, and the transaction version says it still holds.
		Ok(SigningContext {
			genesis_hash,
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
			period: MORTAL_PERIOD,
			block_number: block_number.into(),
			block_hash,
		})
	}

	/// The version of the runtime of block `at` (the best block if `None`).
	async fn runtime_version_at(&self, at: Option<&str>) -> Result<RuntimeVersion, Error> {
		let version: Value = self.request("state_getRuntimeVersion", rpc_params![at]).await?;
		let field = |name: &str| {
			version[name]
				.as_u64()
				.and_then(|value| u32::try_from(value).ok())
				.ok_or_else(|| Error::Rpc(format!("runtime version without {name}: {version}")))
		};
		let spec_name = version["specName"]
			.as_str()
			.ok_or_else(|| Error::Rpc(format!("runtime version without specName: {version}")))?;
		Ok(RuntimeVersion {
			spec_name: spec_name.to_string(),
			spec_version: field("specVersion")?,
			transaction_version: field("transactionVersion")?,
		})
	}

	/// Refuses a node whose best block's runtime lays out what this wallet reads or writes
	/// otherwise than the one it was built for ([`chain::changed_in`]), or is another chain's
	/// runtime (another spec name): [`Error::Incompatible`].
	pub async fn ensure_same_runtime(&self) -> Result<(), Error> {
		self.ensure_same_runtime_at(None).await
	}

	/// [`Self::ensure_same_runtime`] for the runtime of block `at` (the best block if `None`):
	/// blocks from before an upgrade ran another one.
	pub async fn ensure_same_runtime_at(&self, at: Option<&str>) -> Result<(), Error> {
		let version = self.runtime_version_at(at).await?;
		self.check_runtime(&version, at).await
	}

	/// Whether `version`, the runtime of block `at`, is one this wallet reads and writes as
	/// its own. Nothing to fetch when it is the very runtime the wallet was built for (the same
	/// spec version); else its metadata is compared, once per spec version and connection.
	/// This guards against upgrades a wallet was not built for, not against a node that lies:
	/// a node can show any state it likes.
	async fn check_runtime(&self, version: &RuntimeVersion, at: Option<&str>) -> Result<(), Error> {
		let spec = version.spec_version;
		if self.compatible.lock().map(|known| known.contains(&spec)).unwrap_or(false) {
			return Ok(());
		}
		let built = chain::runtime_version();
		let incompatible =
			|what: String| Error::Incompatible { built: built.spec_version, chain: spec, what };
		if version.spec_name != built.spec_name.to_string() {
			let name = &version.spec_name;
			return Err(incompatible(format!("its name ({name}: another chain's runtime)")));
		}
		if spec != built.spec_version {
			let Some(theirs) = self.metadata_at(at).await? else {
				return Err(incompatible("its metadata (it serves no version 16)".into()));
			};
			if let Some(what) = chain::changed_in(&theirs) {
				return Err(incompatible(what));
			}
		}
		if let Ok(mut known) = self.compatible.lock() {
			known.push(spec);
		}
		Ok(())
	}

	/// The metadata of the runtime of block `at` (the best block if `None`) in the version the
	/// wallet's is (V16), if that runtime serves it.
	async fn metadata_at(&self, at: Option<&str>) -> Result<Option<subxt::Metadata>, Error> {
		let version = hex(&16u32.encode());
		let answer: String = self
			.request("state_call", rpc_params!["Metadata_metadata_at_version", version, at])
			.await?;
		let opaque = unhex(&answer)
			.and_then(|bytes| Option::<Vec<u8>>::decode(&mut &bytes[..]).ok())
			.ok_or_else(|| Error::Rpc(format!("not a metadata answer: {answer}")))?;
		opaque
			.map(|opaque| {
				subxt::Metadata::decode_from(&opaque).map_err(|error| {
					Error::Rpc(format!("the node's metadata does not decode: {error}"))
				})
			})
			.transpose()
	}

	/// The hash of block `number` on the best chain.
	pub async fn block_hash(&self, number: u32) -> Result<String, Error> {
		let hash: Option<String> = self.request("chain_getBlockHash", rpc_params![number]).await?;
		hash.ok_or_else(|| Error::Rpc(format!("no block #{number}")))
	}

	/// The timestamp of block `hash` (`Timestamp.Now`), milliseconds since the epoch.
	pub async fn timestamp_at(&self, hash: &str) -> Result<u64, Error> {
		let key = chain::value_key("Timestamp", "Now");
		Ok(self.storage_value_at(&key, Some(hash)).await?.unwrap_or_default())
	}

	/// The number of the last finalized block.
	pub async fn finalized_number(&self) -> Result<u32, Error> {
		Ok(self.finalized_head().await?.1)
	}

	/// The hash and number of the last finalized block.
	pub async fn finalized_head(&self) -> Result<(String, u32), Error> {
		let hash: String = self.request("chain_getFinalizedHead", rpc_params![]).await?;
		let header: Value = self.request("chain_getHeader", rpc_params![hash.clone()]).await?;
		let number = header_number(&header).ok_or_else(|| Error::Rpc("bad header".into()))?;
		Ok((hash, number))
	}

	/// Balance, escrow and limits of `who` (`rupee_account`).
	pub async fn account(&self, who: &AccountId) -> Result<AccountView, Error> {
		let answer =
			RupeeApiClient::<Hash, Address>::account(&self.client, Address(who.clone()), None);
		self.answer(answer).await
	}

	/// KYC status of `who` (`kyc_accountStatus`), or `None` if no bank registered it.
	pub async fn kyc_status(
		&self,
		who: &AccountId,
	) -> Result<Option<AccountStatusView<Address>>, Error> {
		let answer =
			KycApiClient::<Hash, Address>::account_status(&self.client, Address(who.clone()), None);
		self.answer(answer).await
	}

	/// Would `from` paying `to` `amount` go through now (`rupee_canTransfer`)?
	pub async fn can_transfer(
		&self,
		from: &AccountId,
		to: &AccountId,
		amount: rupee_primitives::Balance,
	) -> Result<CanTransfer, Error> {
		let answer = RupeeApiClient::<Hash, Address>::can_transfer(
			&self.client,
			Address(from.clone()),
			Address(to.clone()),
			amount.into(),
			None,
		);
		self.answer(answer).await
	}

	/// The purse of `device_key` (`vouchers_purse`) at block `at` (the best one if `None`).
	pub async fn purse(
		&self,
		device_key: &[u8; 32],
		at: Option<&str>,
	) -> Result<Option<PurseAnswer<Address>>, Error> {
		let answer = VouchersApiClient::<Hash, Address>::purse(
			&self.client,
			hex(device_key),
			at.map(String::from),
		);
		self.answer(answer).await
	}

	/// The proof of the purse of `device_key` at the finalized block (`vouchers_purseProof`),
	/// if the validators signed its latest statement.
	pub async fn purse_proof(
		&self,
		device_key: &[u8; 32],
	) -> Result<Option<rupee_primitives::purse_proof::PurseProof>, Error> {
		let answer =
			VouchersApiClient::<Hash, Address>::purse_proof(&self.client, hex(device_key), None);
		let Some(answer) = self.answer(answer).await? else {
			return Ok(None);
		};
		let bytes = crate::offline::unhex(&answer.proof).ok_or_else(|| {
			Error::Rpc(format!("a purse proof that is not hex: {}", answer.proof))
		})?;
		rupee_primitives::purse_proof::PurseProof::decode(&mut &bytes[..])
			.map(Some)
			.map_err(|error| Error::Rpc(format!("an undecodable purse proof: {error}")))
	}

	/// The validator set purse proofs are checked against, at the finalized block
	/// (`vouchers_attesters`).
	pub async fn attesters(&self) -> Result<rupee_primitives::purse_proof::AttesterSet, Error> {
		let answer = VouchersApiClient::<Hash, Address>::attesters(&self.client, None);
		let answer = self.answer(answer).await?;
		let authorities = answer
			.authorities
			.iter()
			.map(|authority| {
				let key = crate::offline::bytes32(&authority.key).ok_or_else(|| {
					Error::Rpc(format!("a validator key that is not 32 bytes: {}", authority.key))
				})?;
				Ok((key, authority.weight))
			})
			.collect::<Result<Vec<_>, Error>>()?;
		Ok(rupee_primitives::purse_proof::AttesterSet { set_id: answer.set_id, authorities })
	}

	/// Whether `voucher` was paid (`vouchers_status`) at block `at` (the best one if `None`).
	pub async fn voucher_status(
		&self,
		voucher: &Voucher,
		at: Option<&str>,
	) -> Result<VoucherStatus, Error> {
		let answer = VouchersApiClient::<Hash, Address>::status(
			&self.client,
			voucher.to_text(),
			at.map(String::from),
		);
		Ok(self.answer(answer).await?.status)
	}

	/// The revocation list: device keys and digest (`vouchers_revocations`), every page of it
	/// at the finalized block.
	pub async fn revocations(&self) -> Result<(Vec<String>, String), Error> {
		let (at, _) = self.finalized_head().await?;
		let mut keys = Vec::new();
		let mut start_after: Option<String> = None;
		loop {
			let page = VouchersApiClient::<Hash, Address>::revocations(
				&self.client,
				Some(at.clone()),
				start_after.take(),
				None,
			);
			let page = self.answer(page).await?;
			keys.extend(page.entries.into_iter().map(|entry| entry.device_key));
			match page.next {
				Some(next) => start_after = Some(next),
				None => return Ok((keys, page.digest)),
			}
		}
	}

	/// Sign `call` as `signer`, submit it and wait until it is finalized, telling `progress`
	/// each step. A transaction the pool refuses, or one that fails on chain, is
	/// [`Error::Refused`] with the reason.
	pub async fn submit(
		&self,
		signer: &sr25519::Pair,
		call: RuntimeCall,
		progress: impl FnMut(&str),
	) -> Result<Finalized, Error> {
		let signed = self.sign(signer, call).await?;
		self.submit_signed(&signed, progress).await
	}

	/// Sign `call` as `signer` with its next nonce, for the chain's current runtime, valid for
	/// [`MORTAL_PERIOD`] blocks from the last finalized one.
	pub async fn sign(&self, signer: &sr25519::Pair, call: RuntimeCall) -> Result<Signed, Error> {
		let who = AccountId::from(signer.public());
		let nonce: u32 =
			self.request("system_accountNextIndex", rpc_params![rpc_address(&who)]).await?;
		let context = self.signing_context().await?;
		let signed_at = context.block_number as u32;
		let extrinsic = chain::sign(
			&chain::call_from_bytes(&call.encode(), &context)?,
			signer,
			nonce,
			&context,
		)?;
		Ok(Signed { extrinsic: hex(&extrinsic), signer: rpc_address(&who), nonce, signed_at })
	}

	/// Submit a signed transaction and wait until it is finalized, telling `progress` each
	/// step. A transaction the pool refuses, or one that fails on chain, is
	/// [`Error::Refused`] with the reason.
	pub async fn submit_signed(
		&self,
		signed: &Signed,
		mut progress: impl FnMut(&str),
	) -> Result<Finalized, Error> {
		self.ensure_same_runtime().await?;
		let encoded = &signed.extrinsic;
		let block_hash =
			submit_and_watch(&self.client, encoded, Until::Finalized, &mut progress).await?;
		// Once submitted, anything but a failure in a block leaves the outcome open.
		let unconfirmed = |error: Error| match error {
			Error::Refused(reason) => Error::Refused(reason),
			Error::Unconfirmed(reason) => Error::Unconfirmed(reason),
			other => Error::Unconfirmed(other.to_string()),
		};
		let block: Value = self
			.request("chain_getBlock", rpc_params![block_hash.clone()])
			.await
			.map_err(unconfirmed)?;
		let found = Self::position_in(&block, encoded).ok_or_else(|| {
			Error::Unconfirmed("the finalized block reported does not hold the transaction".into())
		})?;
		let finalized = self.outcome(block_hash, &block, found).await.map_err(unconfirmed)?;
		progress(&format!("finalized in block #{}", finalized.block_number));
		Ok(finalized)
	}

	/// Where `encoded` is among the extrinsics of `block` (a `chain_getBlock` answer).
	fn position_in(block: &Value, encoded: &str) -> Option<u32> {
		block["block"]["extrinsics"]
			.as_array()
			.and_then(|all| all.iter().position(|xt| xt.as_str() == Some(encoded)))
			.map(|index| index as u32)
	}

	/// The outcome of extrinsic `index` of finalized block `block_hash`: its events, or
	/// [`Error::Refused`] with the reason it failed.
	async fn outcome(
		&self,
		block_hash: String,
		block: &Value,
		index: u32,
	) -> Result<Finalized, Error> {
		let block_number = header_number(&block["block"]["header"]).unwrap_or_default();
		let events = self.events_of(&block_hash, index).await?;
		for event in &events {
			if let RuntimeEvent::System(rt::frame_system::pallet::Event::ExtrinsicFailed {
				dispatch_error,
				..
			}) = event
			{
				return Err(Error::Refused(explain_dispatch_error(dispatch_error)));
			}
		}
		Ok(Finalized { block_hash, block_number, events })
	}

	/// The account nonce of `who` (the generic-prefix address) at block `at`.
	async fn nonce_at(&self, who: &str, at: &str) -> Result<u32, Error> {
		let who = parse_account(who)?;
		let key = chain::account_key(&who);
		// `AccountInfo` starts with the nonce; the rest is not needed here.
		let nonce: Option<u32> = self.storage_value_at(&key, Some(at)).await?;
		Ok(nonce.unwrap_or_default())
	}

	/// What became of `signed`, a transaction signed earlier whose fate its signer did not see
	/// (the command was killed, or timed out). Searches the finalized blocks from the one it
	/// was signed at; while it could still be included it is submitted again (the same bytes:
	/// its nonce lets at most one copy ever pay) and followed until it is, or cannot be any
	/// more. Bounded by its lifetime of [`MORTAL_PERIOD`] blocks and [`FINALITY_TIMEOUT`].
	pub async fn find_earlier(
		&self,
		signed: &Signed,
		mut progress: impl FnMut(&str),
	) -> Result<Earlier, Error> {
		let deadline = std::time::Instant::now() + FINALITY_TIMEOUT;
		// Blocks after the last of its lifetime cannot hold it.
		let last = signed.signed_at.saturating_add(MORTAL_PERIOD as u32);
		let mut next = signed.signed_at;
		let mut resubmitted = false;
		let too_long = || {
			Error::Unconfirmed(
				"the earlier transaction was neither found final nor dropped within 120 s".into(),
			)
		};
		loop {
			let (finalized_hash, finalized) = self.finalized_head().await?;
			for number in next..=finalized.min(last) {
				if std::time::Instant::now() >= deadline {
					return Err(too_long());
				}
				let hash = self.block_hash(number).await?;
				let block: Option<Value> =
					self.request("chain_getBlock", rpc_params![&hash]).await?;
				let block = block.ok_or_else(|| {
					Error::Rpc(format!(
						"the node no longer keeps block #{number}, where the earlier transaction may be: ask a node that keeps more blocks"
					))
				})?;
				if let Some(index) = Self::position_in(&block, &signed.extrinsic) {
					return match self.outcome(hash, &block, index).await {
						Ok(done) => Ok(Earlier::Done(done)),
						Err(Error::Refused(reason)) => Ok(Earlier::Failed(reason)),
						// The block is there, its state (events) pruned. Any other failure
						// (events that do not decode, a node that fails) says nothing of the
						// outcome: the pending transaction is kept for the next run.
						Err(Error::Rpc(reason)) if crate::history::is_pruned(&reason) => {
							Ok(Earlier::Included { block_number: number })
						},
						// Its block ran a runtime whose events this wallet cannot read (an
						// upgrade since): it is in, its outcome unknown here.
						Err(Error::Incompatible { .. }) => {
							Ok(Earlier::Included { block_number: number })
						},
						Err(other) => Err(other),
					};
				}
				next = number + 1;
			}
			// Not in any finalized block: can it still be?
			let nonce = self.nonce_at(&signed.signer, &finalized_hash).await?;
			if nonce > signed.nonce || finalized >= signed.signed_at + MORTAL_PERIOD as u32 {
				return Ok(Earlier::Never);
			}
			if !resubmitted {
				// The pool may have lost it (a restarted node): the same bytes again. "Already
				// imported" and the like are fine: the search goes on either way.
				let _: Result<Value, _> =
					self.request("author_submitExtrinsic", rpc_params![&signed.extrinsic]).await;
				resubmitted = true;
				progress("the earlier transaction is not final yet: waiting for it");
			}
			if std::time::Instant::now() >= deadline {
				return Err(too_long());
			}
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
	}

	/// The storage value at `key` on the best block, SCALE-decoded; `None` if there is none.
	pub async fn storage_value<T: Decode>(&self, key: &[u8]) -> Result<Option<T>, Error> {
		self.storage_value_at(key, None).await
	}

	/// The storage value at `key` on block `at` (the best block if `None`), SCALE-decoded.
	pub async fn storage_value_at<T: Decode>(
		&self,
		key: &[u8],
		at: Option<&str>,
	) -> Result<Option<T>, Error> {
		self.ensure_same_runtime_at(at).await?;
		let data: Option<String> =
			self.request("state_getStorage", rpc_params![hex(key), at]).await?;
		data.map(|data| {
			let bytes =
				unhex(&data).ok_or_else(|| Error::Rpc(format!("bad storage value {data}")))?;
			T::decode(&mut &bytes[..]).map_err(|_| {
				Error::Rpc(
					"a storage value does not decode: is the wallet for this runtime?".into(),
				)
			})
		})
		.transpose()
	}

	/// Every event record of block `block_hash`, decoded with the types of the runtime this
	/// wallet was built for.
	pub async fn events_at(&self, block_hash: &str) -> Result<Vec<EventRecord>, Error> {
		// twox128("System") ++ twox128("Events")
		const EVENTS: &str = "0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";
		self.ensure_same_runtime_at(Some(block_hash)).await?;
		let data: Option<String> =
			self.request("state_getStorage", rpc_params![EVENTS, block_hash]).await?;
		// No value at all (the genesis block): no events.
		let Some(bytes) = data.as_deref().and_then(unhex) else { return Ok(Vec::new()) };
		Vec::decode(&mut &bytes[..])
			.map_err(|_| Error::Rpc("events do not decode: is the wallet for this runtime?".into()))
	}

	/// The events of extrinsic `index` of block `block_hash`.
	async fn events_of(&self, block_hash: &str, index: u32) -> Result<Vec<RuntimeEvent>, Error> {
		Ok(self
			.events_at(block_hash)
			.await?
			.into_iter()
			.filter(|record| record.phase == rt::frame_system::Phase::ApplyExtrinsic(index))
			.map(|record| record.event)
			.collect())
	}
}

/// How far [`submit_and_watch`] follows a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Until {
	/// Until a block holds it (tests that read its events at once).
	InBlock,
	/// Until a finalized block holds it (what a payment waits for).
	Finalized,
}

/// Submit `extrinsic` (`0x`-hex) with `author_submitAndWatchExtrinsic` and follow it until
/// `until`, telling `progress` each step; the hash of the block that holds it. Only the pool's
/// own answer refuses a transaction for sure ([`Error::Refused`]); a timeout
/// ([`FINALITY_TIMEOUT`]), a lost connection or a transaction the pool drops leaves it perhaps
/// in the pool ([`Error::Unconfirmed`]). Shared by the wallet and the node's tests.
pub async fn submit_and_watch(
	client: &WsClient,
	extrinsic: &str,
	until: Until,
	mut progress: impl FnMut(&str),
) -> Result<String, Error> {
	let mut watch = client
		.subscribe::<Value, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![extrinsic],
			"author_unwatchExtrinsic",
		)
		.await
		.map_err(|error| match error {
			ClientError::Call(error) => Error::Refused(explain_pool_error(&match error.data() {
				Some(data) => format!("{} ({})", error.message(), data.get()),
				None => error.message().to_string(),
			})),
			other => Error::Unconfirmed(format!("no answer to the submission ({other})")),
		})?;
	progress("submitted");
	let deadline = tokio::time::Instant::now() + FINALITY_TIMEOUT;
	loop {
		let status = tokio::time::timeout_at(deadline, watch.next())
			.await
			.map_err(|_| {
				Error::Unconfirmed(format!(
					"no {} within {} s",
					if until == Until::Finalized { "finality" } else { "block" },
					FINALITY_TIMEOUT.as_secs()
				))
			})?
			.ok_or_else(|| Error::Unconfirmed("the node closed the watch".into()))?
			.map_err(|error| Error::Unconfirmed(format!("the watch failed: {error}")))?;
		if let Some(hash) = status.get("finalized").and_then(Value::as_str) {
			return Ok(hash.to_string());
		}
		if let Some(hash) = status.get("inBlock").and_then(Value::as_str) {
			if until == Until::InBlock {
				return Ok(hash.to_string());
			}
			progress(&format!("in block {hash}"));
		} else if let Some(state) = status.as_str() {
			if matches!(state, "invalid" | "dropped") {
				return Err(Error::Unconfirmed(format!(
					"the node's pool reports the transaction {state}"
				)));
			}
			progress(state);
		} else if status.get("usurped").is_some() || status.get("finalityTimeout").is_some() {
			return Err(Error::Unconfirmed(format!("the transaction was not finalized: {status}")));
		}
	}
}

/// A dispatch error as `Pallet.Error`, with the ledger's and the KYC layer's reason spelled
/// out (pallet errors print only their variant name otherwise).
pub fn explain_dispatch_error(error: &rt::sp_runtime::DispatchError) -> String {
	let rt::sp_runtime::DispatchError::Module(module) = error else {
		return format!("{error:?}");
	};
	let [a, b, c, d] = module.error;
	match RuntimeError::decode(&mut &[module.index, a, b, c, d][..]) {
		Ok(RuntimeError::Rupee(rt::pallet_rupee::pallet::Error::Refused(reason))) => {
			// A reason's code is its SCALE index.
			format!("Rupee.Refused({reason:?}, code {})", reason.encode()[0])
		},
		Ok(RuntimeError::Vouchers(rt::pallet_vouchers::pallet::Error::NotPermissioned(policy))) => {
			let policy = policy.0 .0;
			format!("Vouchers.NotPermissioned({policy:?}, code {})", policy.code())
		},
		Ok(error) => format!("{error:?}").replacen('(', ".", 1).trim_end_matches(')').to_string(),
		Err(_) => format!("{error:?}"),
	}
}

/// The transaction pool's refusal with the KYC gate's codes spelled out.
pub fn explain_pool_error(reason: &str) -> String {
	let code = reason
		.split("Custom error: ")
		.nth(1)
		.and_then(|rest| rest.trim_matches(|c: char| !c.is_ascii_digit()).parse::<u8>().ok());
	match code.and_then(rupee_primitives::PolicyError::from_code) {
		Some(error) => format!("{error:?} (code {}): {reason}", error.code()),
		None => reason.to_string(),
	}
}

/// Wait (at most 30 s) until the validators' proof of the purse of `device_key` states its
/// funding in block `funded_in` or later. Whether it did.
pub async fn wait_for_proof(
	node: &Node,
	device_key: &[u8; 32],
	funded_in: u32,
) -> Result<bool, Error> {
	let deadline = std::time::Instant::now() + Duration::from_secs(30);
	loop {
		if let Some(proof) = node.purse_proof(device_key).await? {
			if proof.statement.block >= funded_in {
				return Ok(true);
			}
		}
		if std::time::Instant::now() >= deadline {
			return Ok(false);
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Ties `wallet` to `node`'s chain at its first online step (an earlier payment it is unsure of
/// must be looked for on the chain it was made on), or refuses another chain.
pub async fn pin_chain(wallet: &mut Wallet, node: &Node) -> Result<(), Error> {
	let genesis = hex(&node.genesis_hash().await?);
	match wallet.state.genesis_hash.as_deref() {
		Some(ours) if ours != genesis => Err(other_chain(&node.url, &genesis, ours)),
		Some(_) => Ok(()),
		None => {
			wallet.state.genesis_hash = Some(genesis);
			wallet.save()
		},
	}
}

/// The node at `url` serves the chain of genesis `theirs`, not the wallet's (`ours`).
fn other_chain(url: &str, theirs: &str, ours: &str) -> Error {
	Error::BadInput(format!(
		"the node at {url} serves another chain (genesis {theirs}) than this wallet's ({ours}): give --node a node of this wallet's chain, or make a new wallet for that one"
	))
}

/// Read this wallet's own purse and its proof from the chain, mark its sent vouchers that were
/// paid, take the genesis hash, the validator set, the account's tier and the revocation list,
/// and update received vouchers that someone else redeemed (`rupee_wallet_core::sync` decides
/// what changes, as in the web app).
pub async fn sync(wallet: &mut Wallet, node: &Node, now: u64) -> Result<(), Error> {
	sync_trusting(wallet, node, now, false).await
}

/// [`sync`]; with `trust_node`, the node's validator set replaces every known set from its
/// number on, even if it contradicts them (`sync --trust-node-validators`: the repair for a
/// wallet an earlier node gave a set of its own).
pub async fn sync_trusting(
	wallet: &mut Wallet,
	node: &Node,
	now: u64,
	trust_node: bool,
) -> Result<(), Error> {
	use rupee_wallet_core::sync::{self as core, Synced, SyncedPurse};
	pin_chain(wallet, node).await?;
	let genesis = node.genesis_hash().await?;
	// Everything is read at one finalized block: nothing a reorg could take back.
	let (finalized, _) = node.finalized_head().await?;
	let at = Some(finalized.as_str());
	let attesters = node.attesters().await?;
	let tier = match keys::account_id(wallet) {
		Ok(me) => Some(node.kyc_status(&me).await?.map(|status| status.tier)),
		Err(_) => None,
	};
	let (mut purse, mut proof) = (None, None);
	let mut sent_paid = std::collections::BTreeSet::new();
	let (sent, received) = core::to_check(&wallet.state);
	if let Ok(device) = wallet.device_public() {
		let device_key = device.0;
		if let Some(PurseAnswer { purse: view, highest_counter }) =
			node.purse(&device_key, at).await?
		{
			purse = Some(SyncedPurse {
				certificate: PurseCertificate {
					version: VOUCHER_VERSION,
					genesis_hash: genesis,
					device_key,
					owner: view.owner.0.into(),
					escrow: view.escrow,
					voucher_cap: view.voucher_cap,
					expires_at: view.expires_at,
					synced_block: node.finalized_number().await?,
				},
				active: view.status == PurseStatus::Active,
				highest_counter,
			});
			proof = node.purse_proof(&device_key).await?;
		}
		for voucher in &sent {
			let status = node.voucher_status(voucher, at).await?;
			if matches!(status, VoucherStatus::Redeemed | VoucherStatus::DoubleSpend) {
				sent_paid.insert(voucher.to_text());
			}
		}
	}
	let mut received_redeemed = std::collections::BTreeSet::new();
	for voucher in &received {
		if node.voucher_status(voucher, at).await? == VoucherStatus::Redeemed {
			received_redeemed.insert(voucher.to_text());
		}
	}
	let (revoked, digest) = node.revocations().await?;
	// The list is as of the finalized block: its age counts from that block's time, or from
	// this device's clock if that is behind (never younger than it is).
	let chain_time = node.timestamp_at(&finalized).await?;
	let synced = Synced {
		attesters,
		tier,
		purse,
		proof,
		sent_paid,
		received_redeemed,
		revoked,
		digest,
		synced_at: now.min(chain_time),
	};
	core::apply(&mut wallet.state, synced, trust_node).map_err(|error| {
		Error::Rpc(format!(
			"{error} (or, if this node is the one to believe, run `sync --trust-node-validators`)"
		))
	})?;
	wallet.save()
}

/// What an online `pay` did.
pub struct Paid {
	/// The block that holds the payment.
	pub finalized: Finalized,
	/// The payment is one an earlier run submitted (same payee, amount and reference), found
	/// on chain: nothing was signed again.
	pub already_paid: bool,
	/// What became of an earlier run's different payment, found first (a sentence).
	pub earlier: Option<String>,
}

/// Pay `amount` to `to` online and wait for finality, at most once: the signed transaction
/// is kept in the wallet until its outcome is seen, and a payment an earlier run left
/// unresolved is looked for first. If that earlier one was this same payment (payee, amount
/// and reference), its outcome is the answer and nothing is signed again.
pub async fn pay(
	wallet: &mut Wallet,
	node: &Node,
	to: &AccountId,
	amount: rupee_primitives::Balance,
	reference: Option<String>,
	mut progress: impl FnMut(&str),
) -> Result<Paid, Error> {
	use crate::amount::format_amount;
	pin_chain(wallet, node).await?;
	let mut earlier_note = None;
	if let Some(pending) = wallet.state.pending_payment.clone() {
		let what =
			format!("the earlier payment of {} to {}", format_amount(pending.amount), pending.to);
		progress(&format!("{what} did not see its outcome: looking for it on chain"));
		let earlier = node.find_earlier(&pending.signed, &mut progress).await?;
		wallet.state.pending_payment = None;
		wallet.save()?;
		let same =
			pending.to == address(to) && pending.amount == amount && pending.reference == reference;
		let note = match earlier {
			Earlier::Done(finalized) if same => {
				return Ok(Paid { finalized, already_paid: true, earlier: None })
			},
			Earlier::Failed(reason) if same => return Err(Error::Refused(reason)),
			Earlier::Included { block_number } if same => {
				// The hash is only shown: failing to read it must not lose what was found.
				let finalized = Finalized {
					block_hash: node.block_hash(block_number).await.unwrap_or_default(),
					block_number,
					events: Vec::new(),
				};
				let note = format!(
					"{what} is in block #{block_number}, but this node no longer keeps whether it succeeded: see `history` on a node that keeps more state"
				);
				return Ok(Paid { finalized, already_paid: true, earlier: Some(note) });
			},
			Earlier::Done(finalized) => {
				format!("{what} was finalized in block #{}", finalized.block_number)
			},
			Earlier::Failed(reason) => format!("{what} failed: {reason}"),
			Earlier::Included { block_number } => {
				format!(
					"{what} is in block #{block_number} (its outcome is no longer on this node)"
				)
			},
			Earlier::Never => format!("{what} was never made"),
		};
		progress(&note);
		earlier_note = Some(note);
	}
	let signer = keys::account(wallet)?;
	let call = RuntimeCall::Rupee(rt::pallet_rupee::pallet::Call::transfer {
		to: Static(to.clone()),
		amount,
	});
	let signed = node.sign(&signer, call).await?;
	wallet.state.pending_payment = Some(crate::store::PendingPayment {
		to: address(to),
		amount,
		reference,
		signed: signed.clone(),
	});
	wallet.save()?;
	let result = node.submit_signed(&signed, progress).await;
	// Finalized, or refused for good (at submission, or failed in a block): the outcome is
	// known. Otherwise (no answer, dropped, no finality yet) the next `pay` looks for it.
	if matches!(result, Ok(_) | Err(Error::Refused(_))) {
		wallet.state.pending_payment = None;
		wallet.save()?;
	}
	match result {
		Ok(finalized) => Ok(Paid { finalized, already_paid: false, earlier: earlier_note }),
		// What became of the earlier payment is said even when this one fails.
		Err(error) => Err(match earlier_note {
			Some(note) => error.noted(&note),
			None => error,
		}),
	}
}

/// What `device rotate` did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rotation {
	pub old_device_key: String,
	/// The block that closed the old purse, if it was still active.
	pub closed_in: Option<u32>,
	/// Until when (ms since the epoch) payees can redeem the old purse's vouchers; `purse
	/// settle` returns the rest after that.
	pub redeemable_until: Option<u64>,
	pub new_device_key: String,
}

/// Retire this wallet's device key: close its purse if it is active (vouchers already given
/// out are still redeemed until its grace window ends), keep the old key for `purse settle`,
/// and make a new device key with counters from zero. Closing comes first: a crash after it
/// leaves the old key in place, and running it again finishes the rotation.
pub async fn rotate_device(
	wallet: &mut Wallet,
	node: &Node,
	mut progress: impl FnMut(&str),
) -> Result<Rotation, Error> {
	let old = wallet.device_public()?;
	let purse = node.purse(&old.0, None).await?;
	let mut closed_in = None;
	if purse.is_some_and(|answer| answer.purse.status == PurseStatus::Active) {
		let signer = keys::account(wallet)?;
		progress("closing the old purse");
		let call = RuntimeCall::Vouchers(rt::pallet_vouchers::pallet::Call::close_purse {
			device_key: old.0,
		});
		closed_in = Some(node.submit(&signer, call, &mut progress).await?.block_number);
	}
	let redeemable_until =
		node.purse(&old.0, None).await?.map(|answer| answer.purse.redeemable_until);
	let old_key = hex(&old.0);
	// A purse that was never funded has nothing to settle.
	if redeemable_until.is_some() && !wallet.state.retired_devices.contains(&old_key) {
		wallet.state.retired_devices.push(old_key.clone());
	}
	wallet.state.next_counter = 0;
	wallet.state.certificate = None;
	wallet.state.proof = None;
	let new = wallet.new_device()?;
	Ok(Rotation {
		old_device_key: old_key,
		closed_in,
		redeemable_until,
		new_device_key: hex(&new.0),
	})
}

/// One retired purse as `purse settle` found it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
	pub device_key: String,
	/// Returned to the account now (as a decimal string), if it was settled now.
	pub returned: Option<String>,
	/// Not settleable before this time (ms since the epoch), if it is not yet.
	pub not_before: Option<u64>,
	/// Why settling it failed this time (it is tried again next time).
	#[serde(skip_serializing_if = "Option::is_none")]
	pub error: Option<String>,
}

/// Settle every retired purse whose grace window is over (the rest of its escrow goes back to
/// the account), and forget those settled; say when the others can be.
pub async fn settle_retired(
	wallet: &mut Wallet,
	node: &Node,
	mut progress: impl FnMut(&str),
) -> Result<Vec<Settlement>, Error> {
	let (finalized, _) = node.finalized_head().await?;
	let now = node.timestamp_at(&finalized).await?;
	let mut report = Vec::new();
	for key in wallet.state.retired_devices.clone() {
		let device_key =
			bytes32(&key).ok_or_else(|| Error::Corrupt(format!("device key {key}")))?;
		let Some(PurseAnswer { purse, .. }) =
			node.purse(&device_key, Some(finalized.as_str())).await?
		else {
			wallet.state.retired_devices.retain(|retired| *retired != key);
			continue;
		};
		let until = purse.redeemable_until;
		if purse.status == PurseStatus::Settled {
			wallet.state.retired_devices.retain(|retired| *retired != key);
			report.push(Settlement { device_key: key, ..Default::default() });
			continue;
		}
		if now <= until {
			report.push(Settlement {
				device_key: key,
				not_before: Some(until),
				..Default::default()
			});
			continue;
		}
		let signer = keys::account(wallet)?;
		progress(&format!("settling purse {key}"));
		let call = RuntimeCall::Vouchers(rt::pallet_vouchers::pallet::Call::settle { device_key });
		// One purse's failure does not stop the others; it is tried again next time.
		let finalized = match node.submit(&signer, call, &mut progress).await {
			Ok(finalized) => finalized,
			// A wallet too old for the chain signs nothing for any purse.
			Err(error @ Error::Outdated { .. }) => return Err(error),
			Err(error) => {
				let error = Some(error.to_string());
				report.push(Settlement { device_key: key, error, ..Default::default() });
				continue;
			},
		};
		let returned = finalized.events.iter().find_map(|event| match event {
			RuntimeEvent::Vouchers(rt::pallet_vouchers::pallet::Event::PurseSettled {
				returned,
				..
			}) => Some(returned.to_string()),
			_ => None,
		});
		wallet.state.retired_devices.retain(|retired| *retired != key);
		wallet.save()?;
		report.push(Settlement { device_key: key, returned, ..Default::default() });
	}
	wallet.save()?;
	Ok(report)
}

/// What one `redeem` did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedeemReport {
	pub submitted: usize,
	pub redeemed: usize,
	pub compensated: usize,
	pub duplicates: usize,
	pub refused: usize,
	pub blocks: Vec<u32>,
}

/// Submit every redeemable received voucher, in batches of the runtime's bound, signed by this
/// wallet's account; record what happened to each.
pub async fn redeem(
	wallet: &mut Wallet,
	node: &Node,
	mut progress: impl FnMut(&str),
) -> Result<RedeemReport, Error> {
	let signer = keys::account(wallet)?;
	// A voucher whose purse's proof is not on chain yet waits: the chain covers a double
	// spend from the guarantee reserve only once it knows the purse was proved.
	let mut vouchers = Vec::new();
	let mut waiting = 0;
	for voucher in offline::redeemable(wallet) {
		let device_key = voucher.body.device_key;
		let settled = node
			.purse(&device_key, None)
			.await?
			.is_some_and(|answer| answer.purse.status == PurseStatus::Settled);
		if settled || node.purse_proof(&device_key).await?.is_some() {
			vouchers.push(voucher);
		} else {
			waiting += 1;
		}
	}
	if waiting > 0 {
		progress(&format!("{waiting} voucher(s) wait for their purse's proof on chain"));
	}
	let batch_size = chain::max_batch() as usize;
	let mut report = RedeemReport { submitted: vouchers.len(), ..Default::default() };
	for batch in vouchers.chunks(batch_size) {
		let call = RuntimeCall::Vouchers(rt::pallet_vouchers::pallet::Call::redeem {
			vouchers: rt::bounded_collections::bounded_vec::BoundedVec(
				batch.iter().cloned().map(Static).collect(),
			),
		});
		let finalized = node.submit(&signer, call, &mut progress).await?;
		report.blocks.push(finalized.block_number);
		for event in finalized.events {
			let RuntimeEvent::Vouchers(event) = event else { continue };
			use rt::pallet_vouchers::pallet::Event;
			let (device_key, counter, status) = match event {
				Event::VoucherRedeemed { device_key, counter, .. } => {
					report.redeemed += 1;
					(device_key, counter, ReceivedStatus::Redeemed)
				},
				Event::VictimCompensated {
					device_key,
					counter,
					amount,
					from_escrow,
					from_balance,
					from_reserve,
					..
				} => {
					report.compensated += 1;
					let paid = from_escrow + from_balance + from_reserve;
					(
						device_key,
						counter,
						ReceivedStatus::Compensated { paid, claimed: amount - paid },
					)
				},
				Event::DuplicateIgnored { device_key, counter } => {
					report.duplicates += 1;
					(device_key, counter, ReceivedStatus::Redeemed)
				},
				Event::VoucherRefused { device_key, counter, reason: Static(reason) } => {
					report.refused += 1;
					let reason_text = match reason {
						rupee_primitives::views::VoucherRefusal::PaymentRefused(error) => {
							let explained =
								chain::recode(&error).map(|error| explain_dispatch_error(&error));
							format!("PaymentRefused({})", explained.unwrap_or(format!("{error:?}")))
						},
						other => format!("{other:?}"),
					};
					(
						device_key,
						counter,
						ReceivedStatus::Refused {
							reason: reason_text,
							code: reason.code(),
							retryable: reason.is_retryable(),
						},
					)
				},
				_ => continue,
			};
			rupee_wallet_core::offline::record_redemption(
				&mut wallet.state,
				&hex(&device_key),
				counter,
				status,
			);
		}
		wallet.save()?;
	}
	Ok(report)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn signs_only_for_the_transaction_version_it_was_built_for() {
		let built = chain::transaction_version();
		assert!(check_transaction_version(built).is_ok());
		let error = check_transaction_version(built + 1).unwrap_err();
		assert_eq!(error.exit_code(), 6);
		let said = error.to_string();
		assert!(said.contains(&format!("the chain runs {}", built + 1)), "{said}");
		assert!(said.contains("install the wallet release"), "{said}");
	}

	#[test]
	fn the_nodes_answers_read_with_the_chains_address_prefix() {
		use rupee_primitives::views::{PurseStatus, PurseView};
		let owner = AccountId::from([7; 32]);
		let purse = PurseView {
			owner: Address(owner.clone()),
			escrow: 1,
			redeemed: 0,
			voucher_cap: rupee_primitives::Balance::MAX,
			expires_at: 2,
			redeemable_until: 3,
			status: PurseStatus::Active,
		};
		// What the node writes (its default prefix is the chain's): read back as the same.
		let json = serde_json::to_value(PurseAnswer { purse, highest_counter: Some(4) }).unwrap();
		assert_eq!(json["owner"], address(&owner));
		assert!(json["owner"].as_str().unwrap().starts_with("nG"), "{json}");
		assert_eq!(json["voucherCap"], Value::Null);
		let answer: PurseAnswer<Address> = serde_json::from_value(json).unwrap();
		assert_eq!(answer.purse.owner.0, owner);
		assert_eq!(answer.highest_counter, Some(4));
		// The generic prefix reads too; anything else is an error, not a default account.
		let generic: Address = serde_json::from_value(owner.to_ss58check().into()).unwrap();
		assert_eq!(generic.0, owner);
		assert!(serde_json::from_value::<Address>("nGnotanaddress".into()).is_err());
	}

	#[test]
	fn dispatch_errors_read_with_their_stable_codes() {
		use rt::pallet_rupee::{pallet::Error as Ledger, types::TransferError};
		// What `ExtrinsicFailed` carries for a pallet error: the pallet's index and the error's
		// SCALE bytes, padded to four.
		let module_error = |error: RuntimeError| {
			let bytes = error.encode();
			let mut padded = [0; 4];
			padded[..bytes.len() - 1].copy_from_slice(&bytes[1..]);
			rt::sp_runtime::DispatchError::Module(rt::sp_runtime::ModuleError {
				index: bytes[0],
				error: padded,
			})
		};
		let refused = RuntimeError::Rupee(Ledger::Refused(TransferError::ReceiverNotPermissioned));
		assert_eq!(
			explain_dispatch_error(&module_error(refused)),
			"Rupee.Refused(ReceiverNotPermissioned, code 8)"
		);
		let policy = rupee_primitives::PolicyError::Frozen;
		let vouchers = RuntimeError::Vouchers(rt::pallet_vouchers::pallet::Error::NotPermissioned(
			rt::pallet_vouchers::types::OwnerPolicy(Static(policy)),
		));
		assert_eq!(
			explain_dispatch_error(&module_error(vouchers)),
			format!("Vouchers.NotPermissioned(Frozen, code {})", policy.code())
		);
		let other = RuntimeError::Rupee(Ledger::NotIssuer);
		assert_eq!(explain_dispatch_error(&module_error(other)), "Rupee.NotIssuer");
	}
}
