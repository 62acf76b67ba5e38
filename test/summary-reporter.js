/**
 * Ends every run with one plain line, "Tests: N passed, N failed, N skipped", that any CI log reader
 * understands (jest's own summary says "total" instead of "failed"), preceded by every skipped test's full name:
 * a suite skipped for want of a server says so in its title, and the log must show it.
 */
class SummaryReporter {
  constructor() {
    this.skipped = [];
  }

  onTestResult(_test, result) {
    for (const assertion of result.testResults)
      if (assertion.status === 'pending' || assertion.status === 'todo' || assertion.status === 'skipped') this.skipped.push(assertion.fullName);
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    for (const name of this.skipped) process.stdout.write(`\nSkipped: ${name}`);
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
