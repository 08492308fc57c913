// The console's shell: connect to the node, then one page at a time by the address's hash
// (#overview, #board, #offline, #account/<address>).

import "./style.css";
import { connect, endpoint, type Chain } from "./chain";
import { el } from "./format";
import { account } from "./pages/account";
import { board } from "./pages/board";
import { offline } from "./pages/offline";
import { overview } from "./pages/overview";
import { signingAccounts, type Account } from "./signer";

const PAGES = [
  ["overview", "Overview"],
  ["board", "Board"],
  ["offline", "Offline payments"],
  ["account", "Account"],
] as const;

/** A URI component, or the text as typed when it is not one (a stray %). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function start() {
  const app = document.getElementById("app")!;
  const header = document.getElementById("connection")!;
  const url = endpoint();
  header.textContent = `Connecting to ${url}…`;
  let chain: Chain;
  try {
    chain = await connect(url);
  } catch (error) {
    header.textContent = `Cannot reach the node at ${url}: ${error instanceof Error ? error.message : error}`;
    header.dataset.state = "refused";
    return;
  }
  header.textContent = `${chain.name} · ${url}`;
  header.dataset.state = "done";
  // A link can point the console at any node, and a node decides what the pages show: say so.
  if (new URLSearchParams(location.search).has("rpc")) {
    const banner = document.getElementById("banner")!;
    banner.textContent =
      `This page reads ${url}, named in the link you opened. Sign only if you trust that node: ` +
      `it decides what motions and balances the console shows.`;
    banner.hidden = false;
  }
  let accounts: Account[] = [];
  try {
    accounts = await signingAccounts(chain.chainType);
  } catch (error) {
    console.warn("no signing accounts", error);
  }

  const nav = document.getElementById("nav")!;
  nav.replaceChildren(...PAGES.map(([id, label]) => el("a", { href: `#${id}`, "data-page": id }, label)));
  let stop: () => void = () => undefined;
  const route = () => {
    stop();
    const [page, arg] = location.hash.slice(1).split("/");
    const id = PAGES.some(([p]) => p === page) ? page : "overview";
    for (const link of nav.querySelectorAll("a")) link.classList.toggle("current", link.dataset.page === id);
    const root = el("main", { "data-page": id });
    app.replaceChildren(root);
    if (id === "board") stop = board(chain, root, accounts);
    else if (id === "offline") stop = offline(chain, root);
    else if (id === "account") stop = account(chain, root, arg ? safeDecode(arg) : undefined);
    else stop = overview(chain, root);
  };
  window.addEventListener("hashchange", route);
  route();
}

void start();
