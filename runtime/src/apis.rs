//! The runtime APIs: what the node (block production, finality, the transaction pool) and the
//! wallets (metadata, nonce, genesis presets, session keys) call into the runtime.

use alloc::vec::Vec;
use frame_support::genesis_builder_helper::{build_state, get_preset};
#[cfg(feature = "try-runtime")]
use frame_support::weights::Weight;
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_session::OpaqueGeneratedSessionKeys;
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Block, Executive, Grandpa, InherentDataExt, Kyc, Nonce, Runtime,
	RuntimeGenesisConfig, Rupee, System, Vouchers, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> OpaqueGeneratedSessionKeys {
			super::opaque::SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			super::opaque::SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Validators are permissioned banks: equivocation is handled by governance, not by
			// on-chain slashing, so there is no key-ownership proof to check.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}


	impl pallet_kyc_runtime_api::KycApi<Block, AccountId> for Runtime {
		fn account_status(who: AccountId) -> Option<pallet_kyc_runtime_api::AccountStatusView<AccountId>> {
			let record = pallet_kyc::Accounts::<Runtime>::get(&who)?;
			let usage = Rupee::account_view(&who).usage?;
			Some(pallet_kyc_runtime_api::AccountStatusView {
				provider: record.provider,
				tier: record.tier,
				expires_at: record.expires_at,
				status: record.status.into(),
				expired: record.expires_at <= Kyc::now(),
				frozen: record.frozen,
				linked_bank: record.linked_bank,
				usage,
			})
		}

		fn providers() -> Vec<pallet_kyc_runtime_api::ProviderView<AccountId>> {
			pallet_kyc::Providers::<Runtime>::iter()
				.map(|(provider, info)| pallet_kyc_runtime_api::ProviderView {
					provider,
					status: info.status.into(),
					customers: info.customers,
				})
				.collect()
		}

		fn tier_limits() -> Vec<(rupee_primitives::Tier, rupee_primitives::TierLimits)> {
			rupee_primitives::Tier::ALL.into_iter().map(|tier| (tier, Kyc::limits_of(tier))).collect()
		}
	}

	impl pallet_rupee_runtime_api::RupeeApi<Block, AccountId> for Runtime {
		fn account(who: AccountId) -> pallet_rupee::AccountView {
			Rupee::account_view(&who)
		}

		fn supply() -> pallet_rupee_runtime_api::Supply<AccountId> {
			pallet_rupee_runtime_api::Supply {
				total_issuance: pallet_rupee::TotalIssuance::<Runtime>::get(),
				total_escrowed: pallet_rupee::TotalEscrowed::<Runtime>::get(),
				supply_ceiling: pallet_rupee::SupplyCeiling::<Runtime>::get(),
				issuer: pallet_rupee::Issuer::<Runtime>::get(),
			}
		}

		fn bank_reserves() -> Vec<(AccountId, rupee_primitives::Balance)> {
			pallet_kyc::Providers::<Runtime>::iter_keys()
				.map(|bank| {
					let reserve = pallet_rupee::Ledger::<Runtime>::get(&bank).free;
					(bank, reserve)
				})
				.collect()
		}

		fn can_transfer(
			from: AccountId,
			to: AccountId,
			amount: rupee_primitives::Balance,
		) -> Result<(), pallet_rupee::TransferError> {
			Rupee::can_transfer(&from, &to, amount)
		}
	}

	impl pallet_vouchers_runtime_api::VouchersApi<Block, AccountId> for Runtime {
		fn purse(device_key: pallet_vouchers::DeviceKey) -> Option<pallet_vouchers::PurseView<AccountId>> {
			Vouchers::purse_view(device_key)
		}

		fn voucher_status(voucher: pallet_vouchers::Voucher) -> pallet_vouchers::VoucherStatus {
			Vouchers::voucher_status(&voucher)
		}

		fn check_voucher(voucher: pallet_vouchers::Voucher) -> pallet_vouchers::RedeemOutcome {
			Vouchers::check_voucher(&voucher)
		}

		fn revocations(
			start_after: Option<pallet_vouchers::DeviceKey>,
			limit: u32,
		) -> pallet_vouchers::RevocationPage {
			Vouchers::revocation_page(start_after, limit)
		}

		fn genesis_hash() -> [u8; 32] {
			Vouchers::genesis_hash()
		}

		fn purse_proof(device_key: pallet_vouchers::DeviceKey) -> Option<pallet_vouchers::PurseProof> {
			Vouchers::purse_proof(device_key)
		}

		fn attesters() -> pallet_vouchers::AttesterSet {
			<crate::configs::GrandpaAttesters as pallet_vouchers::AttesterSource>::current()
		}

		fn attestation_requests(
			attester: [u8; 32],
			limit: u32,
		) -> Vec<pallet_vouchers::AttestationRequest> {
			Vouchers::attestation_requests(attester, limit)
		}

		fn highest_counter(device_key: pallet_vouchers::DeviceKey) -> Option<u64> {
			Vouchers::highest_counter(device_key)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use sp_storage::TrackedStorageKey;
			use baseline::Pallet as BaselineBench;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl baseline::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}
}
