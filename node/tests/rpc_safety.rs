//! A public RPC node (`--public-rpc`) against real clients: safe methods answer, unsafe ones
//! are refused, browsers let only the listed origin read answers, the connection limit holds,
//! calls over the per-connection rate are held back or refused (and counted in Prometheus),
//! and the node refuses to start as a validator or without an explicit CORS list.

use crate::common;

use std::{
	io::{Read, Write},
	process::Command,
	time::Duration,
};

use common::*;
use futures::future::join_all;
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;

const WALLET_ORIGIN: &str = "http://wallet.example";

/// POST a JSON-RPC call over HTTP with an `Origin` header; the status line and the response.
fn post_with_origin(port: u16, origin: &str) -> (String, String) {
	let body = r#"{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}"#;
	let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {origin}\r\n\
		 Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.unwrap();
	let mut response = String::new();
	stream.read_to_string(&mut response).unwrap();
	(response.lines().next().unwrap_or_default().to_string(), response)
}

/// Sum of the Prometheus samples of `metric` whose labels contain `label`.
fn metric_sum(port: u16, metric: &str, label: &str) -> f64 {
	http_get(port, "/metrics")
		.lines()
		.filter(|line| line.starts_with(metric) && line.contains(label))
		.filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
		.sum()
}

async fn connect(url: &str) -> Result<WsClient, jsonrpsee::core::client::Error> {
	WsClientBuilder::default().connection_timeout(Duration::from_secs(5)).build(url).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_public_rpc_node_serves_safe_methods_within_its_limits() {
	let dir = test_dir("public-rpc");
	let node = Node::start(
		NodeConfig::new("dev", &dir.join("rpc"))
			.with_prometheus()
			.arg("--public-rpc")
			.arg("--rpc-cors")
			.arg(WALLET_ORIGIN)
			.arg("--rpc-rate-limit")
			.arg("60")
			.arg("--rpc-max-connections")
			.arg("3"),
	)
	.await;
	assert!(node.log_tail().contains("Public RPC: all interfaces, safe methods only"));
	let client = node.client().await;

	// Safe methods, the chain's own included, answer; unsafe ones are refused.
	let health: Value = client.request("system_health", rpc_params![]).await.unwrap();
	assert_eq!(health["isSyncing"], false);
	let supply: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();
	assert!(rpc_amount(&supply["totalIssuance"]) > 0);
	for method in ["author_rotateKeys", "author_insertKey", "system_addReservedPeer"] {
		let params = match method {
			"author_insertKey" => rpc_params!["aura", "//Alice", "0x00"],
			"system_addReservedPeer" => rpc_params!["/ip4/127.0.0.1/tcp/1"],
			_ => rpc_params![],
		};
		let error = client.request::<Value, _>(method, params).await.unwrap_err();
		assert!(error.to_string().contains("unsafe"), "{method}: {error}");
	}

	// CORS: a browser lets the wallet's web app read the answers, and no other page (the
	// server names only the listed origin; browsers enforce it, other clients are not asked).
	let allowed = |origin| {
		let (status, response) = post_with_origin(node.config.rpc_port, origin);
		assert!(status.contains("200"), "{response}");
		response.to_ascii_lowercase().contains(&format!("access-control-allow-origin: {origin}"))
	};
	assert!(allowed(WALLET_ORIGIN));
	assert!(!allowed("http://evil.example"));

	// The rate limit (60 a minute per connection here): of a burst of 70 calls, the ones over
	// the limit are held back and retried, and those still over are refused with -32999;
	// Prometheus counts the rate-limited calls.
	let prometheus = node.config.prometheus_port.unwrap();
	let burst =
		join_all((0..70).map(|_| client.request::<Value, _>("system_health", rpc_params![]))).await;
	let refused: Vec<_> = burst.iter().filter_map(|result| result.as_ref().err()).collect();
	for error in &refused {
		assert!(
			error.to_string().contains("-32999")
				&& error.to_string().contains("RPC rate limit exceeded"),
			"{error}"
		);
	}
	assert!(refused.len() < 70 - 50, "{} of 70 refused", refused.len());
	let limited =
		metric_sum(prometheus, "substrate_rpc_calls_finished", "is_rate_limited=\"true\"");
	assert!(limited >= 1.0, "no call was rate limited:\n{}", http_get(prometheus, "/metrics"));
	assert!(limited >= refused.len() as f64);

	// Three connections at most: with three open, a fourth is turned away; closing one makes room.
	let second = connect(&node.url()).await.unwrap();
	let third = connect(&node.url()).await.unwrap();
	let refused = match connect(&node.url()).await {
		Err(_) => true,
		Ok(fourth) => fourth.request::<Value, _>("system_health", rpc_params![]).await.is_err(),
	};
	assert!(refused, "a fourth connection was served");
	drop(third);
	tokio::time::sleep(Duration::from_millis(500)).await;
	let again = connect(&node.url()).await.unwrap();
	let _: Value = again.request("system_health", rpc_params![]).await.unwrap();
	drop(second);
}

#[test]
fn public_rpc_refuses_to_start_as_a_validator_or_without_cors() {
	let dir = test_dir("public-rpc-refusals");
	let run = |extra: &[&str]| {
		let out = Command::new(NODE)
			.args(["--chain", "dev", "--base-path"])
			.arg(&dir)
			.args(["--no-prometheus", "--public-rpc"])
			.args(extra)
			.output()
			.unwrap();
		assert!(!out.status.success(), "started with {extra:?}");
		String::from_utf8_lossy(&out.stderr).to_string()
	};
	assert!(run(&[]).contains("--public-rpc needs the origins"));
	assert!(run(&["--rpc-cors", "all"]).contains("explicit origin list"));
	assert!(run(&["--rpc-cors", WALLET_ORIGIN, "--validator"]).contains("not validators"));
	assert!(run(&["--rpc-cors", WALLET_ORIGIN, "--rpc-methods", "unsafe"]).contains("safe methods"));
}
