//! Bad input to `rupee-node` gives one clear error line and a non-zero exit, never a panic.

use crate::common;

use std::{
	net::TcpListener,
	process::{Command, Output},
	time::{Duration, Instant},
};

use common::*;

/// Run the node with `args` and wait for it to exit.
fn run_node(args: &[&str]) -> Output {
	run_command(Command::new(NODE), args)
}

/// Run `command` (the node, maybe behind a privilege drop) with `args`; wait for it to exit.
fn run_command(mut command: Command, args: &[&str]) -> Output {
	let mut child = command
		.args(args)
		.args(["--no-prometheus", "--no-mdns", "--no-telemetry"])
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.unwrap();
	let deadline = Instant::now() + Duration::from_secs(60);
	while child.try_wait().unwrap().is_none() {
		if Instant::now() > deadline {
			child.kill().unwrap();
			panic!("rupee-node {args:?} kept running on bad input");
		}
		std::thread::sleep(Duration::from_millis(100));
	}
	child.wait_with_output().unwrap()
}

/// The run failed with exactly one `Error:` line, and it contains `expected`.
fn assert_clear_error(output: &Output, expected: &str) {
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "exit status was success; stderr:\n{stderr}");
	assert!(!stderr.contains("panicked"), "panic on bad input:\n{stderr}");
	let errors: Vec<&str> = stderr.lines().filter(|line| line.starts_with("Error:")).collect();
	assert_eq!(errors.len(), 1, "expected one error line, got:\n{stderr}");
	assert!(errors[0].contains(expected), "error line {:?} lacks {expected:?}", errors[0]);
}

#[test]
fn unknown_chain_is_refused() {
	let dir = test_dir("unknown-chain");
	let output = run_node(&["--chain", "mainnet-typo", "--base-path", dir.to_str().unwrap()]);
	assert_clear_error(&output, "unknown chain `mainnet-typo`");
}

#[test]
fn corrupt_chain_spec_file_is_refused() {
	let dir = test_dir("corrupt-spec");
	let spec = dir.join("broken.json");
	std::fs::write(&spec, b"{ \"name\": \"half a spec\", ").unwrap();
	let base = dir.join("base");
	let output =
		run_node(&["--chain", spec.to_str().unwrap(), "--base-path", base.to_str().unwrap()]);
	assert_clear_error(&output, "is not valid");
}

#[test]
fn occupied_rpc_port_is_refused() {
	let dir = test_dir("occupied-port");
	let listener = TcpListener::bind("127.0.0.1:0").unwrap();
	let port = listener.local_addr().unwrap().port().to_string();
	let p2p = free_port().to_string();
	let output = run_node(&[
		"--dev",
		"--base-path",
		dir.to_str().unwrap(),
		"--rpc-port",
		&port,
		"--port",
		&p2p,
	]);
	assert_clear_error(&output, &format!("127.0.0.1:{port} is already in use"));
	drop(listener);
}

#[test]
fn occupied_p2p_port_is_refused() {
	let dir = test_dir("occupied-p2p");
	let listener = TcpListener::bind("0.0.0.0:0").unwrap();
	let port = listener.local_addr().unwrap().port().to_string();
	let rpc = free_port().to_string();
	let output = run_node(&[
		"--dev",
		"--base-path",
		dir.to_str().unwrap(),
		"--port",
		&port,
		"--rpc-port",
		&rpc,
	]);
	assert_clear_error(&output, &format!(":{port} is already in use"));
	drop(listener);
}

#[test]
fn unusable_base_path_is_refused() {
	// A base path below a regular file can never be created, even by root.
	let dir = test_dir("bad-base-path");
	let file = dir.join("not-a-directory");
	std::fs::write(&file, b"").unwrap();
	let base = file.join("node");
	let output = run_node(&["--dev", "--base-path", base.to_str().unwrap()]);
	assert_clear_error(&output, &format!("cannot use base path {}", base.display()));
}

#[test]
fn base_path_without_permission_is_refused() {
	use std::os::unix::fs::PermissionsExt;
	let dir = test_dir("no-permission");
	let locked = dir.join("locked");
	std::fs::create_dir(&locked).unwrap();
	std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
	let base = locked.join("node");
	let uid = Command::new("id").arg("-u").output().unwrap();
	let command = if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
		// Root may write anywhere: run the node as `nobody` to see the refusal an operator's
		// unprivileged service account would get.
		let mut command = Command::new("setpriv");
		command.args(["--reuid=65534", "--regid=65534", "--clear-groups", NODE]);
		command
	} else {
		Command::new(NODE)
	};
	let output = run_command(command, &["--dev", "--base-path", base.to_str().unwrap()]);
	assert_clear_error(
		&output,
		&format!("cannot use base path {}: Permission denied", base.display()),
	);
}
