// What the chain says, in sentences: the KYC gate's refusal codes, the ledger's reasons, module
// errors, and motions (docs/rpc.md has the tables these follow).

import { InvalidTxError } from "polkadot-api";
import { pkr, short } from "./format";

/** The gate's `Custom error: N` codes: why a signer may not send a transaction. */
const GATE: Record<number, string> = {
  1: "This account is not permissioned: no bank registered it and it holds no official role.",
  2: "This account's KYC has expired: its bank must renew it.",
  3: "This account is suspended: its bank or the Board must reinstate it.",
  4: "This account is revoked: it can only receive refunds.",
  5: "This account is frozen: only the Board can unfreeze it.",
  6: "This account sent too many transactions in this 20-second window: try again shortly.",
  7: "Only governors may do this: ask the Board.",
  8: "No role of this account may send this call: it reaches the chain only as a Board motion, if at all.",
  9: "The transaction is longer than this call allows.",
  10: "The chain refuses these arguments now: a vote on a motion that is not open, a close before the votes are in, or bounds beyond the chain's.",
};

/** The ledger's reasons (`rupee_canTransfer` codes and `Rupee.Refused`). */
const LEDGER: Record<string, string> = {
  ZeroAmount: "The amount is zero.",
  SelfTransfer: "An account cannot pay itself.",
  SenderNotPermissioned: "The payer is not permissioned.",
  SenderExpired: "The payer's KYC has expired.",
  SenderSuspended: "The payer is suspended.",
  SenderRevoked: "The payer is revoked.",
  SenderFrozen: "The payer is frozen.",
  ReceiverNotPermissioned: "The payee is not permissioned: a bank must register it first.",
  ReceiverExpired: "The payee's KYC has expired.",
  ReceiverSuspended: "The payee is suspended.",
  ReceiverRevoked: "The payee is revoked.",
  ReceiverFrozen: "The payee is frozen.",
  InsufficientBalance: "The payer's balance is too low.",
  DailyDebitLimitExceeded: "The payer's daily limit would be exceeded.",
  MonthlyDebitLimitExceeded: "The payer's monthly limit would be exceeded.",
  DailyCreditLimitExceeded: "The payee's daily limit would be exceeded.",
  MonthlyCreditLimitExceeded: "The payee's monthly limit would be exceeded.",
  HoldingLimitExceeded: "The payee would hold more than its tier allows and has no linked bank.",
  Overflow: "The amount is too large.",
};

/** Errors of the pallets a console user meets, by `Pallet.Error`. */
const MODULE: Record<string, string> = {
  "Board.TooEarly": "The motion cannot close yet: the votes needed are not in and its time is not up.",
  "Board.NotMember": "Only a governor may do this.",
  "Board.DuplicateVote": "This governor has already voted this way.",
  "Board.WrongIndex": "The motion's index does not match: reload the page.",
  "Board.ProposalMissing": "The motion is no longer open.",
  "Board.DuplicateProposal": "The same motion is already open.",
  "Board.WrongProposalWeight": "The motion's call needs more weight than the close allowed.",
  "Board.WrongProposalLength": "The motion's call is longer than the close allowed.",
  "Rupee.CeilingBelowIssuance": "The ceiling cannot be below the money already issued.",
  "BoardMembership.AlreadyMember": "That account is already a governor.",
  "BoardMembership.NotMember": "That account is not a governor.",
};

type Enumish = { type: string; value?: unknown };
const isEnum = (v: unknown): v is Enumish =>
  typeof v === "object" && v !== null && typeof (v as Enumish).type === "string";

/** `Pallet.Error` (and the ledger's reason inside `Rupee.Refused`) of a dispatch error. */
export function dispatchErrorName(error: unknown): string {
  if (!isEnum(error)) return String(error);
  if (error.type === "Module" && isEnum(error.value)) {
    const pallet = error.value.type;
    const inner = error.value.value;
    if (isEnum(inner)) {
      if (inner.type === "Refused" && isEnum(inner.value)) return `${pallet}.Refused.${inner.value.type}`;
      return `${pallet}.${inner.type}`;
    }
    return pallet;
  }
  return isEnum(error.value) ? `${error.type}.${error.value.type}` : error.type;
}

/** A sentence for a failed dispatch. */
export function dispatchErrorSentence(error: unknown): string {
  const name = dispatchErrorName(error);
  const ledger = /^Rupee\.Refused\.(\w+)$/.exec(name);
  if (ledger) return LEDGER[ledger[1]] ?? `The ledger refused the payment (${ledger[1]}).`;
  if (name === "BadOrigin") return "This account may not do this directly: it needs a Board motion.";
  return MODULE[name] ?? `The chain refused it (${name}).`;
}

/** The gate code of a refused submission, if it was the gate's (`Invalid.Custom(N)`). */
export function gateCode(error: unknown): number | undefined {
  const e = error instanceof InvalidTxError ? error.error : undefined;
  if (isEnum(e) && e.type === "Invalid" && isEnum(e.value) && e.value.type === "Custom") {
    return Number(e.value.value);
  }
  return undefined;
}

/** A sentence for any failure of a submission: the gate's refusal, another invalidity, or else. */
export function refusalSentence(error: unknown): string {
  const code = gateCode(error);
  if (code !== undefined) return GATE[code] ?? `The chain refused the transaction (code ${code}).`;
  if (error instanceof InvalidTxError) {
    const e = error.error as Enumish;
    const why = isEnum(e?.value) ? e.value.type : JSON.stringify(e);
    const sentences: Record<string, string> = {
      Stale: "The transaction was already used (stale nonce): try again.",
      Future: "The transaction's nonce is ahead of the account: wait for the earlier one.",
      BadProof: "The signature does not verify.",
      ExhaustsResources: "The block is full: try again in a moment.",
    };
    return sentences[why] ?? `The chain refused the transaction (${why}).`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A sentence for a ledger reason (`rupee_canTransfer`'s `reason`). */
export function ledgerSentence(reason: string): string {
  return LEDGER[reason] ?? reason;
}

/** An account in a MultiAddress or a plain SS58 string. */
function who(value: unknown): string {
  if (typeof value === "string") return value;
  if (isEnum(value) && typeof value.value === "string") return value.value;
  return json(value);
}

/** Any value as JSON text, bigints as decimal strings, long bytes shortened. */
export function json(value: unknown): string {
  const text = JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "nothing";
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * A motion's call in words: "raise the supply ceiling to 2,000,000,000.00 PKR". `ceiling` is the
 * ceiling now, to say raise or lower. A call without words of its own is shown whole (pallet,
 * call and every argument), never as a bare name: a governor votes on what it does.
 */
export function describeCall(call: unknown, ceiling?: bigint): string {
  if (!isEnum(call) || !isEnum(call.value)) return `an undecodable call ${json(call)}`;
  const pallet = call.type;
  const name = call.value.type;
  const args = (call.value.value ?? {}) as Record<string, unknown>;
  switch (`${pallet}.${name}`) {
    case "Rupee.set_supply_ceiling": {
      const to = BigInt(args.ceiling as bigint);
      const verb = ceiling === undefined || to >= ceiling ? "raise" : "lower";
      return `${verb} the supply ceiling to ${pkr(to)}`;
    }
    case "Rupee.set_issuer":
      return `make ${who(args.issuer)} the issuer`;
    case "Rupee.freeze":
      return `freeze ${who(args.who)}`;
    case "Rupee.unfreeze":
      return `unfreeze ${who(args.who)}`;
    case "Rupee.clawback":
      return `claw back ${pkr(args.amount as bigint)} from ${who(args.from)} to the issuer (order ${String(args.reason)})`;
    case "BoardMembership.add_member":
      return `add ${who(args.who)} to the Board`;
    case "BoardMembership.remove_member":
      return `remove ${who(args.who)} from the Board`;
    case "BoardMembership.swap_member":
      return `replace governor ${who(args.remove)} by ${who(args.add)}`;
    case "BoardMembership.reset_members":
      return `replace the whole Board by ${((args.members as unknown[]) ?? []).map(who).join(", ")}`;
    case "Kyc.accredit_provider":
      return `accredit ${who(args.provider)} as a bank`;
    case "Kyc.suspend_provider":
      return `suspend the bank ${who(args.provider)}`;
    case "Kyc.reinstate_provider":
      return `reinstate the bank ${who(args.provider)}`;
    case "Kyc.remove_provider":
      return `remove the bank ${who(args.provider)}`;
    case "Validators.add_validator":
      return `add ${who(args.who)} as a validator`;
    case "Validators.remove_validator":
      return `remove the validator ${who(args.who)}`;
    case "Vouchers.fund_guarantee":
      return `move ${pkr(args.amount as bigint)} from ${who(args.from)} into the offline guarantee reserve`;
    case "Whitelist.whitelist_call":
      return `allow the call with hash ${String(args.call_hash)} to be dispatched as Root (a runtime upgrade, for example)`;
    case "Whitelist.dispatch_whitelisted_call_with_preimage":
      return `as Root: ${describeCall(args.call, ceiling)}`;
    case "Scheduler.schedule":
      return `at block #${String(args.when)}: ${describeCall(args.call, ceiling)}`;
    case "Scheduler.schedule_after":
      return `${String(args.after)} blocks after the close: ${describeCall(args.call, ceiling)}`;
    default:
      return `${pallet}.${name} ${json(args)}`;
  }
}
