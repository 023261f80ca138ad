/**
 * Child process for the worker crash test: one `runWorker` loop on a store, claiming one job at a
 * time with a short lease; its JSON lines go to stdout as each article is stored.
 * Usage: node --import tsx test/cli/worker-child.ts <spec> <name> <leaseMs>
 */
import { runWorker } from '../../src/cli/queue-command.js';
import { openStore } from '../../src/store/open.js';

const [spec, name, lease] = process.argv.slice(2);
if (!spec || !name || !lease) {
  process.stderr.write('usage: worker-child.ts <spec> <name> <leaseMs>\n');
  process.exit(64);
}
const store = await openStore(spec);
await runWorker(store, { name, batch: 1, leaseMs: Number(lease), exitWhenEmpty: true }, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  outIsTty: false,
  errIsTty: false,
});
await store.close();
