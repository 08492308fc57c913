//! Helpers for the end-to-end tests: start real `rupee-node` processes on loopback ports and
//! talk to them over JSON-RPC (WebSocket) with jsonrpsee's client.

#![allow(dead_code)]

use std::{
	fs::File,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	sync::atomic::{AtomicU16, Ordering},
	time::{Duration, Instant},
};

use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;

/// The node binary cargo built for these tests.
pub const NODE: &str = env!("CARGO_BIN_EXE_rupee-node");

static NEXT_PORT: AtomicU16 = AtomicU16::new(0);

/// A TCP port on 127.0.0.1 that is free right now. Ports are handed out from a range chosen by
/// the process id, so tests running at once don't race for the same one.
pub fn free_port() -> u16 {
	let _ = NEXT_PORT.compare_exchange(
		0,
		20_000 + (std::process::id() % 2_000) as u16 * 10,
		Ordering::SeqCst,
		Ordering::SeqCst,
	);
	loop {
		let port = NEXT_PORT.fetch_add(1, Ordering::SeqCst);
		if TcpListener::bind(("127.0.0.1", port)).is_ok() {
			return port;
		}
	}
}

/// A fresh directory under the target dir for one test's base paths and logs.
pub fn test_dir(name: &str) -> PathBuf {
	let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).expect("create test dir");
	dir
}

/// How one node is started.
#[derive(Clone)]
pub struct NodeConfig {
	pub chain: String,
	pub base_path: PathBuf,
	pub p2p_port: u16,
	pub rpc_port: u16,
	pub extra: Vec<String>,
}

impl NodeConfig {
	pub fn new(chain: &str, base_path: &Path) -> Self {
		Self {
			chain: chain.into(),
			base_path: base_path.into(),
			p2p_port: free_port(),
			rpc_port: free_port(),
			extra: Vec::new(),
		}
	}

	pub fn arg(mut self, arg: impl Into<String>) -> Self {
		self.extra.push(arg.into());
		self
	}
}

/// A running `rupee-node` process; killed when dropped.
pub struct Node {
	pub config: NodeConfig,
	pub child: Option<Child>,
	pub log: PathBuf,
}

impl Node {
	/// Start the node and wait until its RPC answers.
	pub async fn start(config: NodeConfig) -> Node {
		let log = config.base_path.join("node.log");
		let mut node = Node { config, child: None, log };
		node.spawn();
		node.wait_for_rpc().await;
		node
	}

	fn spawn(&mut self) {
		let config = &self.config;
		std::fs::create_dir_all(&config.base_path).unwrap();
		let out = File::options().create(true).append(true).open(&self.log).unwrap();
		let child = Command::new(NODE)
			.arg("--chain")
			.arg(&config.chain)
			.arg("--base-path")
			.arg(&config.base_path)
			.arg("--port")
			.arg(config.p2p_port.to_string())
			.arg("--rpc-port")
			.arg(config.rpc_port.to_string())
			.args(["--no-prometheus", "--no-mdns", "--no-telemetry"])
			.args(&config.extra)
			.stdout(Stdio::from(out.try_clone().unwrap()))
			.stderr(Stdio::from(out))
			.spawn()
			.expect("spawn rupee-node");
		self.child = Some(child);
	}

	pub fn url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.config.rpc_port)
	}

	async fn wait_for_rpc(&self) {
		let deadline = Instant::now() + Duration::from_secs(120);
		while Instant::now() < deadline {
			if let Ok(client) = WsClientBuilder::default().build(self.url()).await {
				if client.request::<Value, _>("system_health", rpc_params![]).await.is_ok() {
					return;
				}
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
		panic!("node RPC on {} did not come up; log:\n{}", self.url(), self.log_tail());
	}

	pub async fn client(&self) -> WsClient {
		WsClientBuilder::default()
			.request_timeout(Duration::from_secs(60))
			.build(self.url())
			.await
			.unwrap_or_else(|e| panic!("connect {}: {e}", self.url()))
	}

	/// The last lines of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let text = std::fs::read_to_string(&self.log).unwrap_or_default();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	fn pid(&self) -> u32 {
		self.child.as_ref().expect("node is running").id()
	}

	fn signal(&self, signal: &str) {
		let status = Command::new("kill").arg(signal).arg(self.pid().to_string()).status().unwrap();
		assert!(status.success(), "kill {signal} failed");
	}

	/// Ctrl-C: the node must shut down cleanly within `timeout`.
	pub fn interrupt(&mut self, timeout: Duration) -> ExitStatus {
		self.signal("-INT");
		self.wait_exit(timeout)
	}

	/// A crash: SIGKILL, no chance to flush anything.
	pub fn kill(&mut self) {
		self.signal("-KILL");
		self.wait_exit(Duration::from_secs(10));
	}

	fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
		let deadline = Instant::now() + timeout;
		let mut child = self.child.take().expect("node is running");
		loop {
			if let Some(status) = child.try_wait().unwrap() {
				return status;
			}
			if Instant::now() > deadline {
				let _ = child.kill();
				panic!("node did not exit within {timeout:?}; log:\n{}", self.log_tail());
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}

	/// Start the same node again (same base path, ports and arguments).
	pub async fn restart(&mut self) {
		assert!(self.child.is_none(), "stop the node before restarting it");
		self.spawn();
		self.wait_for_rpc().await;
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

/// A block number from its hex form in a header.
pub fn number_of(header: &Value) -> u64 {
	let hex = header["number"].as_str().expect("header has a number");
	u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("hex block number")
}

pub async fn best_number(client: &WsClient) -> u64 {
	let header: Value = client.request("chain_getHeader", rpc_params![]).await.unwrap();
	number_of(&header)
}

pub async fn finalized_number(client: &WsClient) -> u64 {
	let hash: String = client.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
	let header: Value = client.request("chain_getHeader", rpc_params![hash]).await.unwrap();
	number_of(&header)
}

pub async fn block_hash(client: &WsClient, number: u64) -> Option<String> {
	client.request("chain_getBlockHash", rpc_params![number]).await.unwrap()
}

/// Wait until the node's finalized block is at least `target`; returns the finalized number.
pub async fn wait_finalized(node: &Node, target: u64, timeout: Duration) -> u64 {
	let client = node.client().await;
	let deadline = Instant::now() + timeout;
	loop {
		let finalized = finalized_number(&client).await;
		if finalized >= target {
			return finalized;
		}
		if Instant::now() > deadline {
			panic!(
				"finalized block stayed at {finalized} (wanted {target}) on {}; log:\n{}",
				node.url(),
				node.log_tail()
			);
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// The Aura slot of a header, read from its `PreRuntime` digest. The slot's author is
/// `slot % authorities`, so this tells which validator built the block.
pub fn aura_slot(header: &Value) -> Option<u64> {
	for log in header["digest"]["logs"].as_array()? {
		let bytes = hex_bytes(log.as_str()?);
		// DigestItem::PreRuntime = 6, engine id b"aura", compact length 8 (= 0x20), u64 slot.
		if bytes.len() == 14 && bytes[0] == 6 && &bytes[1..5] == b"aura" && bytes[5] == 0x20 {
			let mut slot = [0u8; 8];
			slot.copy_from_slice(&bytes[6..14]);
			return Some(u64::from_le_bytes(slot));
		}
	}
	None
}

pub fn hex_bytes(hex: &str) -> Vec<u8> {
	let hex = hex.trim_start_matches("0x");
	(0..hex.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
		.collect()
}
