// A @web/test-runner reporter that writes pass/fail counts to a JSON file, so `npm test`
// can total every suite in one line.
import { writeFileSync } from "node:fs";

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, counts);
        // A file that failed to load or threw outside a test has no test results but errors.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
