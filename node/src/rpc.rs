//! The node's own JSON-RPC methods, added beside the standard Substrate ones that
//! `sc_service::spawn_tasks` already serves (legacy `chain_*`/`state_*`/`author_*`/`system_*`
//! and the new `chainHead_v1_*`, `transaction_v1_*`, `chainSpec_v1_*` spec).

use std::sync::Arc;

use jsonrpsee::RpcModule;
use rupee_runtime::{opaque::Block, AccountId, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to read chain state.
	pub client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
}

/// All custom RPC methods of the node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_kyc_rpc::KycRuntimeApi<Block, AccountId>,
	C::Api: pallet_rupee_rpc::RupeeRuntimeApi<Block, AccountId>,
	C::Api: pallet_vouchers_rpc::VouchersRuntimeApi<Block, AccountId>,
	P: TransactionPool + 'static,
{
	use pallet_kyc_rpc::{Kyc, KycApiServer};
	use pallet_rupee_rpc::{Rupee, RupeeApiServer};
	use pallet_vouchers_rpc::{Vouchers, VouchersApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	// `system_accountNextIndex`: the nonce a wallet signs its next transaction with.
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	// `kyc_*`: account status with limits, providers, tier limits.
	module.merge(Kyc::new(client.clone()).into_rpc())?;
	// `rupee_*`: balances, supply, bank reserves, the transfer dry run.
	module.merge(Rupee::new(client.clone()).into_rpc())?;
	// `vouchers_*`: purses, voucher status, the redemption dry run, the revocation list.
	module.merge(Vouchers::new(client).into_rpc())?;

	Ok(module)
}
