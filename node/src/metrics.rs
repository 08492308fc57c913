//! The chain's money as Prometheus metrics, beside the SDK's own (`substrate_*`): what an
//! operator and the central bank watch, read from finalized state after every finalized block.
//!
//! | metric | what |
//! |---|---|
//! | `rupee_total_issuance_paisa` | money in existence (`Rupee.TotalIssuance`) |
//! | `rupee_supply_ceiling_paisa` | the most that may exist |
//! | `rupee_escrowed_paisa` | money in offline purses |
//! | `rupee_guarantee_reserve_paisa` | the offline guarantee reserve |
//! | `rupee_bank_reserve_paisa{bank}` | each accredited bank's own balance |
//! | `rupee_purses_active` | purses whose devices may pay offline |
//! | `rupee_double_spends` | double-spend evidence records on chain |
//! | `rupee_double_spends_detected_total` | `Vouchers.DoubleSpendDetected` events in blocks finalized since the node started |
//! | `rupee_claims_open`, `rupee_claims_open_paisa` | victims' claims governance has not settled |
//! | `rupee_board_open_motions` | the Board's open motions |
//! | `rupee_payments_total` | payments and voucher redemptions in finalized blocks since the node started |
//! | `rupee_payments_last_block` | the same in the last finalized block |
//! | `rupee_finality_lag_blocks` | best block minus finalized block, every 2 s |
//! | `rupee_supply_invariant_broken` | 1 when the last scan found `TotalIssuance` ≠ Σ balances + `TotalEscrowed` + the reserve, or `TotalEscrowed` ≠ Σ escrows; 0 otherwise |
//! | `rupee_supply_invariant_checked_block` | the finalized block the last scan read |
//! | `rupee_pool_refusals_total{code}` | transactions refused at submission by the KYC gate, by its code (docs/rpc.md) |
//!
//! The scans (active purses, double-spend records, claims, the invariant) stream whole maps on
//! a blocking thread of their own, holding the block they read pinned: after every finalized
//! block while the maps are small (fewer than [`SMALL_SCAN`] entries), every [`SCAN_EVERY`]
//! blocks beyond, never two at once. The per-block figures come from runtime APIs and single
//! storage values. A payment in a block whose state was pruned before it was read (finality
//! jumping more than the pruning window at once) is not counted, and the node says so.

use std::{
	collections::HashMap,
	pin::Pin,
	sync::{
		atomic::{AtomicBool, AtomicUsize, Ordering},
		Arc, Mutex,
	},
	time::Duration,
};

use crate::service::FullClient;
use codec::Decode;
use futures::StreamExt;
use rupee_runtime::{opaque::Block, AccountId, RuntimeEvent};
use sc_client_api::{BlockchainEvents, StorageProvider};
use sc_transaction_pool_api::{
	error::{Error as PoolError, IntoPoolError},
	ImportNotificationStream, MaintainedTransactionPool, PoolStatus, ReadyTransactions,
	TransactionFor, TransactionPool, TransactionSource, TransactionStatusStreamFor, TxHash,
	TxInvalidityReportMap,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, storage::StorageKey};
use sp_io::hashing::twox_128;
use sp_runtime::{
	traits::{Block as BlockT, Header as _},
	transaction_validity::InvalidTransaction,
};
use substrate_prometheus_endpoint::{
	register, Counter, CounterVec, Gauge, GaugeVec, Opts, PrometheusError, Registry, U64,
};

const LOG_TARGET: &str = "rupee-metrics";

/// Finalized blocks between two scans of whole maps, once they are large (20 minutes).
pub const SCAN_EVERY: u32 = 600;

/// Entries a scan may read to run again at the next finalized block.
pub const SMALL_SCAN: usize = 10_000;

/// The gauges and counters of the chain's money.
#[derive(Clone)]
pub struct Metrics {
	total_issuance: Gauge<U64>,
	supply_ceiling: Gauge<U64>,
	escrowed: Gauge<U64>,
	guarantee_reserve: Gauge<U64>,
	bank_reserve: GaugeVec<U64>,
	purses_active: Gauge<U64>,
	double_spends: Gauge<U64>,
	claims_open: Gauge<U64>,
	claims_open_paisa: Gauge<U64>,
	board_open_motions: Gauge<U64>,
	payments_total: Counter<U64>,
	double_spends_detected: Counter<U64>,
	payments_last_block: Gauge<U64>,
	finality_lag: Gauge<U64>,
	invariant_broken: Gauge<U64>,
	invariant_checked_block: Gauge<U64>,
	pool_refusals: CounterVec<U64>,
	/// The banks `bank_reserve` has a series for.
	banks_shown: Arc<Mutex<Vec<String>>>,
}

impl Metrics {
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		let metrics = Self {
			total_issuance: gauge("rupee_total_issuance_paisa", "Money in existence, in paisa")?,
			supply_ceiling: gauge("rupee_supply_ceiling_paisa", "The most money that may exist")?,
			escrowed: gauge("rupee_escrowed_paisa", "Money in offline purses")?,
			guarantee_reserve: gauge(
				"rupee_guarantee_reserve_paisa",
				"The offline guarantee reserve, in paisa",
			)?,
			bank_reserve: register(
				GaugeVec::new(
					Opts::new("rupee_bank_reserve_paisa", "Each accredited bank's own balance"),
					&["bank"],
				)?,
				registry,
			)?,
			purses_active: gauge("rupee_purses_active", "Purses whose devices may pay offline")?,
			double_spends: gauge("rupee_double_spends", "Double-spend evidence records on chain")?,
			claims_open: gauge("rupee_claims_open", "Victims' claims not yet settled")?,
			claims_open_paisa: gauge("rupee_claims_open_paisa", "Money owed on open claims")?,
			board_open_motions: gauge("rupee_board_open_motions", "The Board's open motions")?,
			payments_total: register(
				Counter::new(
					"rupee_payments_total",
					"Payments and voucher redemptions in blocks finalized since the node started",
				)?,
				registry,
			)?,
			double_spends_detected: register(
				Counter::new(
					"rupee_double_spends_detected_total",
					"Double spends caught in blocks finalized since the node started",
				)?,
				registry,
			)?,
			payments_last_block: gauge(
				"rupee_payments_last_block",
				"Payments and voucher redemptions in the last finalized block",
			)?,
			finality_lag: gauge(
				"rupee_finality_lag_blocks",
				"Best block number minus finalized block number",
			)?,
			invariant_broken: gauge(
				"rupee_supply_invariant_broken",
				"1 when the last scan found issuance unequal to balances, escrow and reserve",
			)?,
			invariant_checked_block: gauge(
				"rupee_supply_invariant_checked_block",
				"The finalized block the last scan of the supply read",
			)?,
			pool_refusals: register(
				CounterVec::new(
					Opts::new(
						"rupee_pool_refusals_total",
						"Transactions refused at submission by the KYC gate, by code",
					),
					&["code"],
				)?,
				registry,
			)?,
			banks_shown: Default::default(),
		};
		// Every gate code from zero, so a rate over the first refusal is not lost.
		for code in
			(1..=u8::MAX).filter(|code| rupee_primitives::PolicyError::from_code(*code).is_some())
		{
			metrics.pool_refusals.with_label_values(&[&code.to_string()]);
		}
		Ok(metrics)
	}
}

/// A u128 amount for a u64 gauge (paisa above u64 do not exist: 1.8e17 PKR).
fn paisa(amount: u128) -> u64 {
	amount.min(u64::MAX as u128) as u64
}

/// The storage key of a plain storage value (`pallet`, `item`).
fn value_key(pallet: &str, item: &str) -> StorageKey {
	StorageKey([twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat())
}

/// Reads and decodes one storage value at `hash`; `None` when absent or undecodable.
fn read<T: Decode>(
	client: &FullClient,
	hash: <Block as BlockT>::Hash,
	key: &StorageKey,
) -> Option<T> {
	let data = client.storage(hash, key).ok()??;
	T::decode(&mut &data.0[..]).ok()
}

/// Folds every value under a map's prefix at `hash`, streaming (undecodable ones skipped and
/// logged); `None` if the state cannot be read.
fn fold<T: Decode, A>(
	client: &FullClient,
	hash: <Block as BlockT>::Hash,
	prefix: &StorageKey,
	init: A,
	mut step: impl FnMut(A, T) -> A,
) -> Option<(A, usize)> {
	let pairs = client.storage_pairs(hash, Some(prefix), None).ok()?;
	let mut acc = init;
	let mut entries = 0;
	for (key, data) in pairs {
		entries += 1;
		match T::decode(&mut &data.0[..]) {
			Ok(value) => acc = step(acc, value),
			Err(error) => {
				log::warn!(target: LOG_TARGET, "undecodable entry {}: {error}", hex(&key.0))
			},
		}
	}
	Some((acc, entries))
}

fn hex(bytes: &[u8]) -> String {
	rupee_primitives::hex::encode(bytes)
}

/// Keeps [`Metrics`] current until the node stops: the finality lag every 2 s in one task, the
/// rest after each finalized block in another (its storage reads on blocking threads).
pub fn spawn(spawner: &sc_service::SpawnTaskHandle, client: Arc<FullClient>, metrics: Metrics) {
	let lag = {
		let (client, metrics) = (client.clone(), metrics.clone());
		async move {
			// Every 2 s, not only at finality: a stalled finality shows as a growing lag.
			let mut tick = tokio::time::interval(Duration::from_secs(2));
			loop {
				tick.tick().await;
				let info = client.info();
				metrics
					.finality_lag
					.set(info.best_number.saturating_sub(info.finalized_number) as u64);
			}
		}
	};
	spawner.spawn("rupee-metrics-lag", None, lag);
	spawner.spawn("rupee-metrics", None, follow(client, metrics));
}

async fn follow(client: Arc<FullClient>, metrics: Metrics) {
	let mut finalized = client.finality_notification_stream();
	let scanning = Arc::new(AtomicBool::new(false));
	let last_scan_size = Arc::new(AtomicUsize::new(0));
	let mut since_scan = SCAN_EVERY;
	while let Some(notification) = finalized.next().await {
		let blocks = notification.tree_route.len() as u32 + 1;
		let notification = Arc::new(notification);
		{
			let (client, metrics, notification) =
				(client.clone(), metrics.clone(), notification.clone());
			// Blocks finalized together: the events of each count, the state is the newest's.
			let per_block = tokio::task::spawn_blocking(move || {
				let hashes =
					notification.tree_route.iter().chain(std::iter::once(&notification.hash));
				for hash in hashes {
					count_events(&*client, *hash, &metrics);
				}
				update(&*client, notification.hash, &metrics);
			});
			if let Err(error) = per_block.await {
				log::warn!(target: LOG_TARGET, "metrics of a finalized block failed: {error}");
			}
		}
		since_scan = since_scan.saturating_add(blocks);
		let due = since_scan >= SCAN_EVERY || last_scan_size.load(Ordering::Relaxed) < SMALL_SCAN;
		if due && !scanning.swap(true, Ordering::AcqRel) {
			since_scan = 0;
			let (client, metrics, scanning, size) =
				(client.clone(), metrics.clone(), scanning.clone(), last_scan_size.clone());
			// The notification keeps its block pinned (its state is not pruned) until the scan
			// that reads it ends.
			let pinned = notification.clone();
			tokio::task::spawn_blocking(move || {
				if let Some(read) = scan(&*client, pinned.hash, *pinned.header.number(), &metrics) {
					size.store(read, Ordering::Relaxed);
				}
				scanning.store(false, Ordering::Release);
			});
		}
	}
}

/// Counts payments (`Rupee.Transferred`), redemptions (`Vouchers.VoucherRedeemed`) and caught
/// double spends (`Vouchers.DoubleSpendDetected`) in a block.
fn count_events(client: &FullClient, hash: <Block as BlockT>::Hash, metrics: &Metrics) {
	type Events = Vec<frame_system::EventRecord<RuntimeEvent, rupee_runtime::Hash>>;
	let Some(events) = read::<Events>(client, hash, &value_key("System", "Events")) else {
		// Pruned before it was read, or events this node's runtime types cannot decode (a
		// runtime upgrade the node binary predates).
		log::warn!(target: LOG_TARGET, "events of finalized block {hash} not read: not counted");
		return;
	};
	let mut payments = 0;
	for record in &events {
		match record.event {
			RuntimeEvent::Rupee(pallet_rupee::Event::Transferred { .. })
			| RuntimeEvent::Vouchers(pallet_vouchers::Event::VoucherRedeemed { .. }) => payments += 1,
			RuntimeEvent::Vouchers(pallet_vouchers::Event::DoubleSpendDetected { .. }) => {
				metrics.double_spends_detected.inc()
			},
			_ => {},
		}
	}
	metrics.payments_total.inc_by(payments);
	metrics.payments_last_block.set(payments);
}

/// The per-block figures: supply, reserves, the guarantee reserve, open claims' total, motions.
fn update(client: &FullClient, hash: <Block as BlockT>::Hash, metrics: &Metrics) {
	use pallet_rupee_rpc::RupeeRuntimeApi;
	let api = client.runtime_api();
	match api.supply(hash) {
		Ok(supply) => {
			metrics.total_issuance.set(paisa(supply.total_issuance));
			metrics.supply_ceiling.set(paisa(supply.supply_ceiling));
			metrics.escrowed.set(paisa(supply.total_escrowed));
		},
		Err(error) => log::warn!(target: LOG_TARGET, "supply at {hash}: {error}"),
	}
	match api.bank_reserves(hash) {
		Ok(reserves) => {
			let format = sp_core::crypto::Ss58AddressFormat::custom(rupee_runtime::SS58_PREFIX);
			let now: Vec<(String, u128)> = reserves
				.into_iter()
				.map(|(bank, balance)| (bank.to_ss58check_with_version(format), balance))
				.collect();
			// Set the banks there are, then drop the ones no longer accredited: a scrape never
			// sees the series missing.
			let mut shown = metrics.banks_shown.lock().unwrap_or_else(|e| e.into_inner());
			for (bank, balance) in &now {
				metrics.bank_reserve.with_label_values(&[bank]).set(paisa(*balance));
			}
			for gone in shown.iter().filter(|bank| !now.iter().any(|(b, _)| b == *bank)) {
				let _ = metrics.bank_reserve.remove_label_values(&[gone]);
			}
			*shown = now.into_iter().map(|(bank, _)| bank).collect();
		},
		Err(error) => log::warn!(target: LOG_TARGET, "bank reserves at {hash}: {error}"),
	}
	let reserve: u128 =
		read(client, hash, &value_key("Rupee", "GuaranteeReserve")).unwrap_or_default();
	metrics.guarantee_reserve.set(paisa(reserve));
	let claims: u128 =
		read(client, hash, &value_key("Vouchers", "TotalClaims")).unwrap_or_default();
	metrics.claims_open_paisa.set(paisa(claims));
	let motions: Vec<rupee_runtime::Hash> =
		read(client, hash, &value_key("Board", "Proposals")).unwrap_or_default();
	metrics.board_open_motions.set(motions.len() as u64);
}

/// The sum, or `None` if it overflows.
fn checked_sum(acc: Option<u128>, amount: u128) -> Option<u128> {
	acc.and_then(|sum| sum.checked_add(amount))
}

/// The scans of whole maps at `hash` (block `number`): active purses, double-spend records,
/// open claims and the supply invariant. Returns the entries read, `None` if the state could not
/// be read (nothing is set then).
fn scan(
	client: &FullClient,
	hash: <Block as BlockT>::Hash,
	number: u32,
	metrics: &Metrics,
) -> Option<usize> {
	let (active, purses) = fold(
		client,
		hash,
		&value_key("Vouchers", "Purses"),
		0u64,
		|n, purse: pallet_vouchers::Purse<AccountId>| {
			n + (purse.status == pallet_vouchers::PurseStatus::Active) as u64
		},
	)?;
	let count_keys = |item| {
		client.storage_keys(hash, Some(&value_key("Vouchers", item)), None).map(Iterator::count)
	};
	let (evidence, claims) = (count_keys("DoubleSpends").ok()?, count_keys("Claims").ok()?);
	let (balances, ledgers) = fold(
		client,
		hash,
		&value_key("Rupee", "Ledger"),
		Some(0u128),
		|sum, ledger: pallet_rupee::AccountLedger| checked_sum(sum, ledger.free),
	)?;
	let (escrows, _) =
		fold(client, hash, &value_key("Rupee", "Escrowed"), Some(0u128), checked_sum)?;
	let read_u128 =
		|item| read::<u128>(client, hash, &value_key("Rupee", item)).unwrap_or_default();
	let (issuance, escrowed, reserve) =
		(read_u128("TotalIssuance"), read_u128("TotalEscrowed"), read_u128("GuaranteeReserve"));
	// As the ledger's own try_state: an overflow anywhere is a broken invariant too.
	let holds = escrows == Some(escrowed)
		&& balances.and_then(|b| b.checked_add(escrowed)).and_then(|s| s.checked_add(reserve))
			== Some(issuance);
	if !holds {
		log::error!(
			target: LOG_TARGET,
			"supply invariant broken at #{number} {hash}: issuance {issuance}, balances {balances:?}, escrowed {escrowed} (sum of escrows {escrows:?}), reserve {reserve}"
		);
	}
	metrics.purses_active.set(active);
	metrics.double_spends.set(evidence as u64);
	metrics.claims_open.set(claims as u64);
	metrics.invariant_broken.set(!holds as u64);
	metrics.invariant_checked_block.set(number as u64);
	Some(purses + ledgers + evidence + claims)
}

/// The node's transaction pool, counting the KYC gate's refusals of submitted transactions by
/// code (`rupee_pool_refusals_total`). Everything else is the inner pool's.
pub struct CountingPool<P> {
	inner: Arc<P>,
	refusals: Option<CounterVec<U64>>,
}

impl<P> CountingPool<P> {
	pub fn new(inner: Arc<P>, metrics: Option<&Metrics>) -> Self {
		Self { inner, refusals: metrics.map(|m| m.pool_refusals.clone()) }
	}
}

impl<P: TransactionPool> CountingPool<P> {
	/// Counts `error` if it is the gate's `Custom(code)`, and hands it back unchanged.
	fn count(&self, error: P::Error) -> P::Error {
		match error.into_pool_error() {
			Ok(pool_error) => {
				if let (
					Some(refusals),
					PoolError::InvalidTransaction(InvalidTransaction::Custom(code)),
				) = (&self.refusals, &pool_error)
				{
					refusals.with_label_values(&[&code.to_string()]).inc();
				}
				pool_error.into()
			},
			Err(other) => other,
		}
	}
}

#[async_trait::async_trait]
impl<P: TransactionPool> TransactionPool for CountingPool<P> {
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		let results = self.inner.submit_at(at, source, xts).await.map_err(|e| self.count(e))?;
		Ok(results.into_iter().map(|result| result.map_err(|e| self.count(e))).collect())
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		self.inner.submit_one(at, source, xt).await.map_err(|e| self.count(e))
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		self.inner.submit_and_watch(at, source, xt).await.map_err(|e| self.count(e))
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.inner.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.inner.futures()
	}

	fn status(&self) -> PoolStatus {
		self.inner.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.inner.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.inner.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.inner.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.inner.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait::async_trait]
impl<P: MaintainedTransactionPool> MaintainedTransactionPool for CountingPool<P> {
	async fn maintain(&self, event: sc_transaction_pool_api::ChainEvent<Self::Block>) {
		self.inner.maintain(event).await
	}
}
