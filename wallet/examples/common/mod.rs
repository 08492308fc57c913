//! What the benchmark examples share.

/// The machine a benchmark ran on, as its report prints it: "2 cores, 23 GiB, AMD EPYC ...".
pub fn machine() -> String {
	let cpu = std::fs::read_to_string("/proc/cpuinfo")
		.ok()
		.and_then(|info| {
			info.lines()
				.find(|line| line.starts_with("model name"))
				.and_then(|line| line.split(':').nth(1))
				.map(|name| name.trim().to_string())
		})
		.unwrap_or_else(|| "unknown CPU".into());
	let memory = std::fs::read_to_string("/proc/meminfo")
		.ok()
		.and_then(|info| info.lines().next()?.split_whitespace().nth(1)?.parse::<u64>().ok())
		.map(|kib| kib / 1024 / 1024)
		.unwrap_or_default();
	let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
	format!("{cores} cores, {memory} GiB, {cpu}")
}
