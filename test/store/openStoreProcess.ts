/** Opens the store named by the environment (as the bot does at start-up), claims an event id, and says what it got. */
import { readStoreConfig } from "../../src/config/storeConfig.js";
import { openSqlStore } from "../../src/store/sqlStore.js";

const store = await openSqlStore(readStoreConfig(process.env));
const claimed = await store.claimEvent(process.env.EVENT_ID ?? "Ev-process");
await store.close();
process.stdout.write(claimed ? "claimed\n" : "taken\n");
