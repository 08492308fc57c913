//! Payment load on a running network, measured from outside as a client sees it:
//! `scripts/bench-load.sh` starts the nodes and runs this.
//!
//! 1. Setup through the real calls: Bob's bank (a provider) registers `--accounts` L2 customers
//!    and `--merchants` merchants (`Kyc.register_account`) and funds each customer
//!    (`Rupee.transfer`), in rounds that stay inside the bank's rate limit; each round is
//!    followed to finality.
//! 2. Pre-signs `--transfers` one-rupee `Rupee.transfer`s from the customers to the merchants
//!    (each customer's nonces in order, round-robin over customers so that at most
//!    `transfers / accounts` wait per customer: keep it within the tier's rate limit).
//! 3. Submits them with `author_submitExtrinsic`, all at once or at `--rate` per second, spread
//!    over the `--url` nodes (one customer always to the same node), and follows finalized
//!    blocks until every accepted transfer is in one, or nothing more finalizes for 30 s.
//!
//! Prints a progress line each second, then a table and one line of JSON: transfers finalized,
//! finalized TPS (over the chain's own timestamps, from the block before the first that holds a
//! transfer to the last), the fullest block, blocks inside the run without a transfer,
//! refusals at submission by reason, failures in blocks by reason, and the submission →
//! finalized latency of each transfer (p50/p95/p99/max), with the machine and the commit
//! (`BENCH_COMMIT`). Only talks to nodes on the loopback interface.

use std::{
	collections::{BTreeMap, HashMap},
	sync::{
		atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

#[path = "../../wallet/examples/common/mod.rs"]
mod common;

use clap::Parser;
use codec::Encode;
use jsonrpsee::{
	core::client::{ClientT, Error as ClientError, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use rupee_primitives::{rupees, Tier};
use rupee_runtime::{AccountId, RuntimeCall};
use rupee_wallet::chain::{rt, RuntimeEvent};
use rupee_wallet::{
	offline::hex,
	online::{explain_dispatch_error, explain_pool_error, header_number, Node},
};
use serde_json::Value;
use sp_core::{sr25519, Pair, H256};
use sp_io::hashing::blake2_256;
use tokio::sync::Semaphore;

#[derive(Parser)]
#[command(about = "Payment load on a running network (see scripts/bench-load.sh)")]
struct Args {
	/// WebSocket RPC of a node; repeat for several (customers are spread over them).
	/// Loopback addresses only.
	#[arg(long = "url", default_value = "ws://127.0.0.1:9944")]
	urls: Vec<String>,
	/// L2 customers that send the transfers.
	#[arg(long, default_value_t = 4_000)]
	accounts: usize,
	/// Merchants that receive them.
	#[arg(long, default_value_t = 40)]
	merchants: usize,
	/// Transfers to send (ignored with --rate: rate × duration).
	#[arg(long, default_value_t = 20_000)]
	transfers: usize,
	/// Offer this many transfers per second instead of all at once.
	#[arg(long, requires = "duration")]
	rate: Option<u32>,
	/// With --rate: how many seconds to offer load.
	#[arg(long)]
	duration: Option<u64>,
	/// Stop after this many seconds in all, setup included.
	#[arg(long, default_value_t = 900)]
	timeout: u64,
	/// Name of the run in the report (dev, local, ...).
	#[arg(long, default_value = "dev")]
	mode: String,
}

/// Requests in flight at once, over all connections.
const IN_FLIGHT: usize = 2_048;
/// WebSocket connections per node.
const CONNECTIONS_PER_NODE: usize = 2;
/// Setup transactions of Bob's per round: well inside an Institution's 10,000 per window.
const SETUP_ROUND: usize = 2_000;
/// The run ends when nothing more finalizes for this long after the last submission.
const STALL: Duration = Duration::from_secs(30);

fn pair(seed: &str) -> sr25519::Pair {
	sr25519::Pair::from_seed(&blake2_256(seed.as_bytes()))
}

fn is_loopback(url: &str) -> bool {
	let rest = url.split("://").nth(1).unwrap_or(url);
	let host = match rest.strip_prefix('[') {
		Some(v6) => v6.split(']').next().unwrap_or(""),
		None => rest.split([':', '/']).next().unwrap_or(""),
	};
	matches!(host, "localhost" | "::1") || host.starts_with("127.")
}

/// One signed transaction to follow.
struct Sent {
	/// Hex of the encoded extrinsic, as blocks list it.
	hex: String,
	/// Which connection carries it.
	connection: usize,
	/// Sent only after every transaction of the waves before it was answered: a signer's
	/// nonces go out in order (the pool keeps only a few hundred out-of-order "future" ones).
	wave: usize,
}

/// What happened to a set of transactions.
#[derive(Default)]
struct Outcome {
	/// Refused at submission, by reason.
	refused: BTreeMap<String, usize>,
	/// In a finalized block but failed, by reason.
	failed: BTreeMap<String, usize>,
	/// Latency (submission → seen finalized) of each transaction in a finalized block, sorted
	/// once the run ends.
	latencies: Vec<Duration>,
	/// Per finalized block holding at least one: number → (ours, timestamp ms).
	blocks: BTreeMap<u32, (usize, u64)>,
	/// Finalized blocks of the run holding none of ours (between the first and the last that
	/// do), and their count of all extrinsics.
	empty_blocks: Vec<u32>,
	/// Timestamp of the block before the first that holds one of ours.
	start_timestamp: u64,
	/// Accepted but not seen in a finalized block by the end.
	not_finalized: usize,
	/// Refused at submission (counted in `refused`) and yet in a finalized block: a pool may
	/// answer an error for a transaction it still keeps.
	refused_but_finalized: usize,
	/// How long submission took (first request to last answer).
	submit_time: Duration,
}

impl Outcome {
	fn finalized_ok(&self) -> usize {
		self.latencies.len() - self.failed.values().sum::<usize>()
	}

	fn window_seconds(&self) -> f64 {
		let last = self.blocks.values().last().map(|(_, ts)| *ts).unwrap_or_default();
		last.saturating_sub(self.start_timestamp) as f64 / 1_000.0
	}

	fn tps(&self) -> f64 {
		let window = self.window_seconds();
		if window > 0.0 {
			self.finalized_ok() as f64 / window
		} else {
			0.0
		}
	}

	/// The `p`th percentile of the latencies, in milliseconds (they are sorted at the end of
	/// [`Load::run`]).
	fn percentile(&self, p: f64) -> f64 {
		let sorted = &self.latencies;
		if sorted.is_empty() {
			return 0.0;
		}
		let index = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
		sorted[index.clamp(1, sorted.len()) - 1].as_secs_f64() * 1_000.0
	}
}

struct Load {
	clients: Vec<Arc<WsClient>>,
	node: Node,
	deadline: Instant,
}

impl Load {
	/// Submit `batch` (at `rate` per second, or all at once) and follow finalized blocks until
	/// each accepted transaction is in one, nothing finalizes for [`STALL`], or the deadline.
	async fn run(&self, label: &str, batch: Vec<Sent>, rate: Option<u32>) -> Outcome {
		let total = batch.len();
		let start = Instant::now();
		// Microseconds after `start` at which each was sent (0: not yet).
		let sent_at: Arc<Vec<AtomicU64>> =
			Arc::new((0..total).map(|_| AtomicU64::new(0)).collect());
		// Each transaction is resolved once, by its refusal or its block, whichever comes
		// first; `resolved` counts them.
		let settled: Arc<Vec<AtomicBool>> =
			Arc::new((0..total).map(|_| AtomicBool::new(false)).collect());
		let resolved = Arc::new(AtomicUsize::new(0));
		let refused = Arc::new(Mutex::new(BTreeMap::<String, usize>::new()));
		let submitted_all = Arc::new(AtomicU64::new(0));
		let index: HashMap<String, usize> =
			batch.iter().enumerate().map(|(i, sent)| (sent.hex.clone(), i)).collect();

		let mut heads = self.clients[0]
			.subscribe::<Value, _>(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await
			.expect("finalized heads");
		let first = heads.next().await.and_then(Result::ok).as_ref().and_then(header_number);
		let mut done = first.expect("a finalized head");

		let submitter = {
			let clients = self.clients.clone();
			let (sent_at, refused, resolved, submitted_all, settled) = (
				sent_at.clone(),
				refused.clone(),
				resolved.clone(),
				submitted_all.clone(),
				settled.clone(),
			);
			tokio::spawn(async move {
				let permits = Arc::new(Semaphore::new(IN_FLIGHT));
				let mut tasks = Vec::with_capacity(total);
				let mut wave = 0;
				for (i, sent) in batch.into_iter().enumerate() {
					if rate.is_none() && sent.wave != wave {
						futures::future::join_all(tasks.drain(..)).await;
						wave = sent.wave;
					}
					if let Some(rate) = rate {
						let due = start + Duration::from_secs_f64(i as f64 / rate as f64);
						if due > Instant::now() + Duration::from_millis(2) {
							tokio::time::sleep_until(due.into()).await;
						}
					}
					let permit = permits.clone().acquire_owned().await.expect("open");
					let client = clients[sent.connection].clone();
					let (sent_at, refused, resolved, settled) =
						(sent_at.clone(), refused.clone(), resolved.clone(), settled.clone());
					sent_at[i].store(start.elapsed().as_micros().max(1) as u64, Ordering::SeqCst);
					tasks.push(tokio::spawn(async move {
						let result: Result<Value, _> =
							client.request("author_submitExtrinsic", rpc_params![sent.hex]).await;
						drop(permit);
						if let Err(error) = result {
							let reason = match error {
								ClientError::Call(error) => {
									explain_pool_error(&match error.data() {
										Some(data) => {
											format!("{} ({})", error.message(), data.get())
										},
										None => error.message().to_string(),
									})
								},
								other => other.to_string(),
							};
							*refused.lock().unwrap().entry(reason).or_default() += 1;
							if !settled[i].swap(true, Ordering::SeqCst) {
								resolved.fetch_add(1, Ordering::SeqCst);
							}
						}
					}));
				}
				futures::future::join_all(tasks).await;
				submitted_all.store(start.elapsed().as_micros() as u64, Ordering::SeqCst);
			})
		};

		let mut outcome = Outcome::default();
		let mut last_progress = Instant::now();
		let mut last_finalized = Instant::now();
		let mut first_block: Option<u32> = None;
		let mut quiet_blocks = Vec::new();
		let mut included = 0usize;
		loop {
			let all_sent = submitted_all.load(Ordering::SeqCst) > 0;
			if all_sent && resolved.load(Ordering::SeqCst) >= total {
				break;
			}
			if Instant::now() >= self.deadline || (all_sent && last_finalized.elapsed() >= STALL) {
				eprintln!("[{label}] stopping: nothing more finalized (or the time limit)");
				break;
			}
			if last_progress.elapsed() >= Duration::from_secs(1) {
				last_progress = Instant::now();
				let sent = sent_at.iter().filter(|t| t.load(Ordering::Relaxed) > 0).count();
				let refused: usize = refused.lock().unwrap().values().sum();
				eprintln!(
					"[{label}] {:5.1} s: sent {sent}/{total}, refused {refused}, finalized {included} (#{done})",
					start.elapsed().as_secs_f64()
				);
			}
			let head = match tokio::time::timeout(Duration::from_secs(1), heads.next()).await {
				Ok(Some(Ok(head))) => head,
				Ok(_) => panic!("the finalized-heads subscription ended"),
				Err(_) => continue,
			};
			let seen = Instant::now();
			let Some(number) = header_number(&head) else { continue };
			for block in done + 1..=number {
				let hash = self.node.block_hash(block).await.expect("finalized block hash");
				let body: Value = self.clients[0]
					.request("chain_getBlock", rpc_params![hash.clone()])
					.await
					.expect("block");
				let extrinsics =
					body["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
				let ours: Vec<(u32, usize)> = extrinsics
					.iter()
					.enumerate()
					.filter_map(|(position, xt)| {
						index.get(xt.as_str()?).map(|&i| (position as u32, i))
					})
					.collect();
				if ours.is_empty() {
					if first_block.is_some() {
						quiet_blocks.push(block);
					}
					continue;
				}
				let timestamp = self.node.timestamp_at(&hash).await.expect("timestamp");
				if first_block.is_none() {
					first_block = Some(block);
					let before = self.node.block_hash(block - 1).await.expect("parent");
					outcome.start_timestamp =
						self.node.timestamp_at(&before).await.expect("timestamp");
				}
				outcome.empty_blocks.append(&mut quiet_blocks);
				let events = self.node.events_at(&hash).await.expect("events");
				for (position, i) in &ours {
					let micros = sent_at[*i].load(Ordering::SeqCst);
					let sent = start + Duration::from_micros(micros);
					outcome.latencies.push(seen.saturating_duration_since(sent));
					let failure = events.iter().find_map(|record| match &record.event {
						RuntimeEvent::System(
							rt::frame_system::pallet::Event::ExtrinsicFailed {
								dispatch_error, ..
							},
						) if record.phase == rt::frame_system::Phase::ApplyExtrinsic(*position) => {
							Some(explain_dispatch_error(dispatch_error))
						},
						_ => None,
					});
					if let Some(reason) = failure {
						*outcome.failed.entry(reason).or_default() += 1;
					}
				}
				included += ours.len();
				for (_, i) in &ours {
					if settled[*i].swap(true, Ordering::SeqCst) {
						outcome.refused_but_finalized += 1;
					} else {
						resolved.fetch_add(1, Ordering::SeqCst);
					}
				}
				outcome.blocks.insert(block, (ours.len(), timestamp));
				last_finalized = Instant::now();
			}
			done = number;
		}
		submitter.abort();
		outcome.refused = refused.lock().unwrap().clone();
		let refused: usize = outcome.refused.values().sum();
		outcome.not_finalized =
			total.saturating_sub(included + refused - outcome.refused_but_finalized);
		outcome.submit_time = Duration::from_micros(submitted_all.load(Ordering::SeqCst));
		outcome.latencies.sort();
		outcome
	}
}

#[tokio::main]
async fn main() {
	let args = Args::parse();
	if let Some(url) = args.urls.iter().find(|url| !is_loopback(url)) {
		eprintln!("refusing {url}: the load generator only talks to nodes on this machine");
		std::process::exit(2);
	}
	let transfers = match (args.rate, args.duration) {
		(Some(rate), Some(duration)) => rate as usize * duration as usize,
		_ => args.transfers,
	};
	if args.accounts == 0 || args.merchants == 0 || transfers == 0 {
		eprintln!("--accounts, --merchants and the transfers must be more than zero");
		std::process::exit(2);
	}
	let deadline = Instant::now() + Duration::from_secs(args.timeout);
	let mut clients = Vec::new();
	for _ in 0..CONNECTIONS_PER_NODE {
		for url in &args.urls {
			let client = WsClientBuilder::default()
				.request_timeout(Duration::from_secs(120))
				.max_concurrent_requests(IN_FLIGHT)
				.max_buffer_capacity_per_subscription(4_096)
				.max_response_size(64 * 1024 * 1024)
				.build(url)
				.await
				.unwrap_or_else(|error| panic!("cannot reach {url}: {error}"));
			clients.push(Arc::new(client));
		}
	}
	let node = Node::connect(&args.urls[0]).await.expect("node");
	let load = Load { clients, node, deadline };
	let genesis = H256(load.node.genesis_hash().await.expect("genesis"));
	let sign = |call: RuntimeCall, signer: &sr25519::Pair, nonce: u32| {
		hex(&rupee_runtime::client::signed_extrinsic(call, signer, nonce, genesis).encode())
	};

	// Fresh accounts every run, so that runs on one node do not collide.
	let run = format!(
		"{}-{}",
		std::process::id(),
		std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis()
	);
	let customers: Vec<sr25519::Pair> =
		(0..args.accounts).map(|i| pair(&format!("load-{run}-customer-{i}"))).collect();
	let merchants: Vec<AccountId> = (0..args.merchants)
		.map(|i| AccountId::from(pair(&format!("load-{run}-merchant-{i}")).public()))
		.collect();
	let per_account = transfers.div_ceil(args.accounts);
	let amount = rupees(1);

	// Setup: Bob's bank registers everyone and funds the customers.
	let bob = sr25519::Pair::from_string("//Bob", None).expect("dev key");
	let bob_id = AccountId::from(bob.public());
	let mut nonce: u32 = load.clients[0]
		.request("system_accountNextIndex", rpc_params![bob_id.to_string()])
		.await
		.expect("Bob's nonce");
	// A fresh chain's head may still carry no time: the dev chain runs on wall-clock time.
	let chain_now =
		load.node.timestamp_at(&load.node.finalized_head().await.expect("head").0).await;
	let wall_now = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.expect("clock after 1970")
		.as_millis() as u64;
	let expires_at = chain_now.expect("chain time").max(wall_now) + 365 * 24 * 60 * 60 * 1_000;
	let register = |who: AccountId, tier: Tier| {
		RuntimeCall::Kyc(pallet_kyc::Call::register_account {
			commitment: blake2_256(&who.encode()),
			who,
			tier,
			expires_at,
			linked_bank: Some(bob_id.clone()),
		})
	};
	let mut setup: Vec<RuntimeCall> = merchants
		.iter()
		.map(|who| register(who.clone(), Tier::Merchant))
		.chain(customers.iter().map(|c| register(AccountId::from(c.public()), Tier::L2)))
		.collect();
	setup.extend(customers.iter().map(|customer| {
		RuntimeCall::Rupee(pallet_rupee::Call::transfer {
			to: AccountId::from(customer.public()),
			amount: amount * (per_account as u128 + 1),
		})
	}));
	eprintln!(
		"[setup] registering {} customers and {} merchants, funding the customers ({} transactions by Bob's bank)",
		customers.len(),
		merchants.len(),
		setup.len()
	);
	for round in setup.chunks(SETUP_ROUND) {
		let batch = round
			.iter()
			.map(|call| {
				let hex = sign(call.clone(), &bob, nonce);
				nonce += 1;
				Sent { hex, connection: 0, wave: nonce as usize }
			})
			.collect();
		let outcome = load.run("setup", batch, None).await;
		if outcome.finalized_ok() != round.len() {
			eprintln!(
				"setup failed: {} of {} finalized; refused {:?}; failed {:?}",
				outcome.finalized_ok(),
				round.len(),
				outcome.refused,
				outcome.failed
			);
			std::process::exit(1);
		}
	}

	// The load: round-robin over customers, each customer's nonces in order.
	eprintln!("[load] signing {transfers} transfers ({per_account} per customer at most)");
	let connections = load.clients.len();
	let batch: Vec<Sent> = (0..transfers)
		.map(|n| {
			let (customer, nonce) = (n % customers.len(), n / customers.len());
			let call = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
				to: merchants[n % merchants.len()].clone(),
				amount,
			});
			Sent {
				hex: sign(call, &customers[customer], nonce as u32),
				connection: customer % connections,
				wave: nonce,
			}
		})
		.collect();
	let offered = match args.rate {
		Some(rate) => format!("{rate}/s for {} s", args.duration.unwrap_or_default()),
		None => "all at once".into(),
	};
	eprintln!("[load] submitting {transfers} transfers to {} node(s), {offered}", args.urls.len());
	let outcome = load.run("load", batch, args.rate).await;

	let commit = std::env::var("BENCH_COMMIT").unwrap_or_else(|_| "unknown".into());
	let fullest = outcome.blocks.values().map(|(n, _)| *n).max().unwrap_or_default();
	let blocks = outcome.blocks.len() + outcome.empty_blocks.len();
	let ms = |value: f64| format!("{:.0} ms", value);
	println!("Payment load: {} ({} node(s), {offered})", args.mode, args.urls.len());
	println!("  machine                       {}", common::machine());
	println!("  commit                        {commit}");
	println!("  transfers offered             {transfers} from {} customers", args.accounts);
	println!(
		"  submission took               {:.1} s ({:.0}/s)",
		outcome.submit_time.as_secs_f64(),
		transfers as f64 / outcome.submit_time.as_secs_f64().max(1e-6)
	);
	println!("  refused at submission         {:?}", outcome.refused);
	println!("  refused, yet finalized        {}", outcome.refused_but_finalized);
	println!("  finalized and successful      {}", outcome.finalized_ok());
	println!("  failed in a block             {:?}", outcome.failed);
	println!("  not finalized by the end      {}", outcome.not_finalized);
	println!(
		"  finalized TPS                 {:.0}/s ({} in {:.1} s of chain time, {blocks} blocks)",
		outcome.tps(),
		outcome.finalized_ok(),
		outcome.window_seconds()
	);
	println!("  fullest block                 {fullest} transfers");
	println!("  blocks without a transfer     {:?}", outcome.empty_blocks);
	println!(
		"  submit -> finalized latency   p50 {}, p95 {}, p99 {}, max {}",
		ms(outcome.percentile(50.0)),
		ms(outcome.percentile(95.0)),
		ms(outcome.percentile(99.0)),
		ms(outcome.percentile(100.0))
	);
	let json = serde_json::json!({
		"mode": args.mode,
		"nodes": args.urls.len(),
		"offered": transfers,
		"rate": args.rate,
		"duration_s": args.duration,
		"accounts": args.accounts,
		"refused": outcome.refused,
		"refused_but_finalized": outcome.refused_but_finalized,
		"finalized": outcome.finalized_ok(),
		"failed": outcome.failed,
		"not_finalized": outcome.not_finalized,
		"finalized_tps": (outcome.tps() * 10.0).round() / 10.0,
		"chain_seconds": outcome.window_seconds(),
		"blocks": blocks,
		"fullest_block": fullest,
		"empty_blocks": outcome.empty_blocks.len(),
		"latency_ms": {
			"p50": outcome.percentile(50.0).round(),
			"p95": outcome.percentile(95.0).round(),
			"p99": outcome.percentile(99.0).round(),
			"max": outcome.percentile(100.0).round(),
		},
		"machine": common::machine(),
		"commit": commit,
	});
	println!("{json}");
	if outcome.finalized_ok() == 0 {
		std::process::exit(1);
	}
}
