// Signing and following a transaction to finality, with every outcome said in a sentence on a
// status line (`data-state`: working, done or refused; `data-code`: the gate's code).

import type { Transaction, TxFinalizedPayload } from "polkadot-api";
import type { Account } from "./signer";
import { dispatchErrorSentence, gateCode, refusalSentence } from "./words";

export type Status = (text: string, state: "working" | "done" | "refused", code?: number) => void;

/** A status line element and the function that writes to it. */
export function statusLine(node: HTMLElement): Status {
  return (text, state, code) => {
    node.textContent = text;
    node.dataset.state = state;
    if (code === undefined) delete node.dataset.code;
    else node.dataset.code = String(code);
  };
}

type Events = TxFinalizedPayload["events"];

/** The error of the first `Board.Executed` with a failed result: the motion ran and failed. */
function failedExecution(events: Events): unknown {
  for (const event of events) {
    if (event.type !== "Board" || (event.value as { type: string }).type !== "Executed") continue;
    const result = (event.value as { value: { result: { success: boolean; value: unknown } } }).value.result;
    if (!result.success) return result.value;
  }
  return undefined;
}

/**
 * Signs `tx` with `account`, submits it and waits for finality. Returns the finalized payload
 * when it succeeded; on a refusal (at the pool: the gate's code; in the block: the dispatch
 * error) writes the sentence and returns undefined.
 */
export async function submit(
  tx: Transaction,
  account: Account,
  what: string,
  status: Status,
): Promise<TxFinalizedPayload | undefined> {
  status(`Signing "${what}" as ${account.name}…`, "working");
  let result: TxFinalizedPayload;
  try {
    result = await new Promise<TxFinalizedPayload>((resolve, reject) => {
      tx.signSubmitAndWatch(account.signer).subscribe({
        next: (event) => {
          if (event.type === "broadcasted") status(`"${what}" submitted; waiting for a block…`, "working");
          if (event.type === "txBestBlocksState" && event.found)
            status(`"${what}" is in block #${event.block.number}; waiting for finality…`, "working");
          if (event.type === "finalized") resolve(event);
        },
        error: reject,
      });
    });
  } catch (error) {
    status(refusalSentence(error), "refused", gateCode(error));
    return undefined;
  }
  if (!result.ok) {
    status(dispatchErrorSentence(result.dispatchError), "refused");
    return undefined;
  }
  const failed = failedExecution(result.events);
  if (failed !== undefined) {
    status(`The motion passed but its call failed: ${dispatchErrorSentence(failed)}`, "refused");
    return undefined;
  }
  status(`"${what}" is final in block #${result.block.number}.`, "done");
  return result;
}
