/**
 * Ends every run with one plain line, "Tests: N passed, N failed, N skipped", that any CI log reader
 * understands (jest's own summary says "total" instead of "failed").
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
