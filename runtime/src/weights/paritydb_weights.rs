//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-01 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Digital Rupee Development`
//! BLOCK-NUM: `Number(88)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights/`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /var/tmp/rupee-bench-target/release/rupee-node
//   benchmark
//   storage
//   --chain
//   /var/tmp/wdb/dev-raw.json
//   --base-path
//   /var/tmp/wdb/db
//   --database
//   paritydb
//   --state-version
//   1
//   --batch-size
//   1000
//   --weight-path
//   runtime/src/weights/

/// Storage DB weights for the `Digital Rupee Development` runtime and `ParityDb`.
pub mod constants {
	use frame_support::parameter_types;
	use frame_support::weights::constants;
	use frame_support::weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 1_001, 339_316
			///   Average:  4_820
			///   Median:   4_448
			///   Std-Dev:  4436.67
			///
			/// Percentiles nanoseconds:
			///   99th: 19_336
			///   95th: 5_701
			///   75th: 4_930
			read: 4_820 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 9_182, 11_331
			///   Average:  10_254
			///   Median:   10_180
			///   Std-Dev:  596.48
			///
			/// Percentiles nanoseconds:
			///   99th: 11_331
			///   95th: 11_331
			///   75th: 10_522
			write: 10_254 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
