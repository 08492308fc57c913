//! Checks run before the node starts, so that a port in use or an unusable base path ends the
//! node at once with one clear error instead of a node that runs half-connected.

use std::net::{IpAddr, SocketAddr, TcpListener};

use sc_network::multiaddr::Protocol;
use sc_service::Configuration;

/// Fail if a port the node must listen on is taken, and make the RPC server use exactly the
/// configured port (`sc-cli` would silently move it to a random one).
pub fn check_ports(config: &mut Configuration) -> Result<(), String> {
	for endpoint in config.rpc.addr.iter_mut().flatten() {
		endpoint.retry_random_port = false;
		check_free(endpoint.listen_addr, "RPC (--rpc-port)")?;
	}
	for address in &config.network.listen_addresses {
		let mut ip = None;
		for protocol in address.iter() {
			match protocol {
				Protocol::Ip4(v4) => ip = Some(IpAddr::V4(v4)),
				Protocol::Ip6(v6) => ip = Some(IpAddr::V6(v6)),
				Protocol::Tcp(port) if port != 0 => {
					if let Some(ip) = ip {
						check_free(SocketAddr::new(ip, port), "p2p (--port)")?;
					}
				},
				_ => {},
			}
		}
	}
	Ok(())
}

fn check_free(address: SocketAddr, what: &str) -> Result<(), String> {
	match TcpListener::bind(address) {
		Ok(_) => Ok(()),
		Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
			Err(format!("{what} address {address} is already in use by another process"))
		},
		Err(error) => Err(format!("cannot listen on {what} address {address}: {error}")),
	}
}

/// Fail unless the base path can be created and written.
pub fn check_base_path(path: &std::path::Path) -> Result<(), String> {
	std::fs::create_dir_all(path)
		.and_then(|()| tempfile_in(path))
		.map_err(|error| format!("cannot use base path {}: {error}", path.display()))
}

fn tempfile_in(dir: &std::path::Path) -> std::io::Result<()> {
	let probe = dir.join(".rupee-node-write-check");
	std::fs::write(&probe, b"")?;
	std::fs::remove_file(probe)
}
