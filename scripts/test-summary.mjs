// Prints the closing `N passed, N failed` line CI reads, from vitest's JSON report. A test file that
// failed to load (no test results at all) counts as one failure, so a broken import cannot pass.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-output/vitest.json';
const r = JSON.parse(readFileSync(file, 'utf8'));
const brokenFiles = (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
console.log(`${r.numPassedTests ?? 0} passed, ${(r.numFailedTests ?? 0) + brokenFiles} failed`);
