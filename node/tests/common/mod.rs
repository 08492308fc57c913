//! Helpers for the end-to-end tests: start real `rupee-node` processes on loopback ports and
//! talk to them over JSON-RPC (WebSocket) with jsonrpsee's client. No runtime types here (the
//! wallet's tests compile this file too); the node's tests add `chain.rs`.

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

/// The node binary cargo built for these tests (empty when these helpers are compiled into
/// another package's tests: see [`node_binary`]).
pub const NODE: &str = match option_env!("CARGO_BIN_EXE_rupee-node") {
	Some(path) => path,
	None => "",
};

/// The node binary: [`NODE`], or for other packages' tests (the wallet's), the `rupee-node`
/// that the same workspace build put next to their test binaries' directory.
pub fn node_binary() -> PathBuf {
	if !NODE.is_empty() {
		return PathBuf::from(NODE);
	}
	let test_binary = std::env::current_exe().expect("the test binary's path");
	let profile_dir = test_binary.parent().and_then(Path::parent).expect("target/<profile>/deps");
	let node = profile_dir.join("rupee-node");
	assert!(node.exists(), "{} is missing: build the workspace first", node.display());
	node
}

static NEXT_PORT: AtomicU16 = AtomicU16::new(0);

/// Tests take ports from 20000 up to here: the kernel's ephemeral range starts at 32768
/// (`/proc/sys/net/ipv4/ip_local_port_range`), and a port in it may be taken by any outgoing
/// connection between our check and the node's bind.
const PORTS: std::ops::Range<u16> = 20_000..32_000;

/// A TCP port that is free right now on every address a node binds (127.0.0.1 for RPC, 0.0.0.0
/// and `::` for p2p). Each test process starts at its own place in [`PORTS`], chosen by its
/// process id, so test binaries running at once rarely meet.
pub fn free_port() -> u16 {
	let span = PORTS.end - PORTS.start;
	let start = (std::process::id() % 1_000) as u16 * 12;
	loop {
		let n = NEXT_PORT.fetch_add(1, Ordering::SeqCst);
		let port = PORTS.start + (start + n % span) % span;
		let v4 = TcpListener::bind(("0.0.0.0", port)).is_ok();
		// A machine without IPv6 refuses `::` with another error than "in use".
		let v6 = match TcpListener::bind(("::", port)) {
			Ok(_) => true,
			Err(e) => e.kind() != std::io::ErrorKind::AddrInUse,
		};
		if v4 && v6 {
			return port;
		}
	}
}

/// A fresh directory under the target dir for one test's base paths and logs.
pub fn test_dir(name: &str) -> PathBuf {
	let dir =
		PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
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
	/// Prometheus on this port, or off.
	pub prometheus_port: Option<u16>,
	pub extra: Vec<String>,
}

impl NodeConfig {
	/// A one-validator development node (Alice) with its own node key.
	pub fn dev_validator(dir: &Path) -> Self {
		let (key_file, _) = node_key(dir, "alice");
		Self::new("dev", &dir.join("alice"))
			.arg("--alice")
			.arg("--validator")
			.arg("--node-key-file")
			.arg(key_file.to_string_lossy().to_string())
	}

	pub fn new(chain: &str, base_path: &Path) -> Self {
		Self {
			chain: chain.into(),
			base_path: base_path.into(),
			p2p_port: free_port(),
			rpc_port: free_port(),
			prometheus_port: None,
			extra: Vec::new(),
		}
	}

	pub fn with_prometheus(mut self) -> Self {
		self.prometheus_port = Some(free_port());
		self
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
		let child = Command::new(node_binary())
			.arg("--chain")
			.arg(&config.chain)
			.arg("--base-path")
			.arg(&config.base_path)
			.arg("--port")
			.arg(config.p2p_port.to_string())
			.arg("--rpc-port")
			.arg(config.rpc_port.to_string())
			.args(match config.prometheus_port {
				Some(port) => vec!["--prometheus-port".to_string(), port.to_string()],
				None => vec!["--no-prometheus".to_string()],
			})
			.args(["--no-mdns", "--no-telemetry"])
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

	async fn wait_for_rpc(&mut self) {
		let deadline = Instant::now() + Duration::from_secs(120);
		while Instant::now() < deadline {
			if let Some(status) = self.child.as_mut().and_then(|child| child.try_wait().unwrap()) {
				panic!(
					"rupee-node exited with {status} before its RPC came up; log:\n{}",
					self.log_tail()
				);
			}
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
	if hex.is_empty() {
		return Vec::new();
	}
	rupee_primitives::hex::decode(hex).expect("0x-hex")
}

/// GET `path` from `127.0.0.1:port` over plain HTTP/1.0; the response body.
pub fn http_get(port: u16, path: &str) -> String {
	use std::io::{Read, Write};
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
	write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
	let mut response = String::new();
	stream.read_to_string(&mut response).unwrap();
	response.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default()
}

/// Write a node key for `name` and return its peer id.
pub fn node_key(dir: &std::path::Path, name: &str) -> (std::path::PathBuf, String) {
	let file = dir.join(format!("{name}.node-key"));
	let status = Command::new(node_binary())
		.args(["key", "generate-node-key", "--file"])
		.arg(&file)
		.stderr(std::process::Stdio::null())
		.status()
		.unwrap();
	assert!(status.success());
	let out = Command::new(node_binary())
		.args(["key", "inspect-node-key", "--file"])
		.arg(&file)
		.output()
		.unwrap();
	assert!(out.status.success());
	(file, String::from_utf8(out.stdout).unwrap().trim().to_string())
}

/// The validators of the `local` chain, in authoring order.
pub const LOCAL_VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// Start the four validators of the `local` chain on loopback, Alice as everyone's bootnode.
pub async fn start_local_network(dir: &Path) -> Vec<Node> {
	let mut configs = Vec::new();
	let mut bootnode = String::new();
	for (i, name) in LOCAL_VALIDATORS.iter().enumerate() {
		let (key_file, peer_id) = node_key(dir, name);
		let mut config = NodeConfig::new("local", &dir.join(name))
			.arg("--validator")
			.arg(format!("--{name}"))
			.arg("--name")
			.arg(*name)
			.arg("--node-key-file")
			.arg(key_file.to_string_lossy().to_string());
		if i == 0 {
			bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", config.p2p_port);
		} else {
			config = config.arg("--bootnodes").arg(bootnode.clone());
		}
		configs.push(config);
	}
	let mut nodes = Vec::new();
	for config in configs {
		nodes.push(Node::start(config).await);
	}
	nodes
}

/// Runs a browser test (`node <args>` in `dir`: a script driving Chromium against `node`),
/// bounded to 10 minutes, prints what it printed, and checks it passed with exactly `checks`
/// `ok - …` lines (a script that stopped early without failing shows fewer). Its output.
pub fn run_browser_test(
	dir: &Path,
	args: &[&std::ffi::OsStr],
	node: &Node,
	checks: usize,
) -> String {
	use std::io::Read;
	let mut browser = Command::new("node")
		.current_dir(dir)
		.args(args)
		.stdout(Stdio::piped())
		.stderr(Stdio::inherit())
		.spawn()
		.expect("run node (nodejs)");
	// Every step inside has its own bound; this one stops a hung browser.
	let deadline = Instant::now() + Duration::from_secs(600);
	let status = loop {
		if let Some(status) = browser.try_wait().expect("wait for the browser test") {
			break status;
		}
		if Instant::now() > deadline {
			let _ = browser.kill();
			panic!("the browser test ran past 10 minutes\n{}", node.log_tail());
		}
		std::thread::sleep(Duration::from_millis(200));
	};
	let mut stdout = String::new();
	browser.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
	print!("{stdout}");
	assert!(status.success(), "the browser test failed:\n{stdout}\n{}", node.log_tail());
	let passed = stdout.lines().filter(|line| line.starts_with("ok - ")).count();
	assert_eq!(passed, checks, "{stdout}");
	stdout
}
