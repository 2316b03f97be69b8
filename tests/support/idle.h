#pragma once

namespace ivs {
class IvsClient;
}

namespace testsupport {

// Known points in the event loop, for tests that check that nothing more happens. Each returns
// false when it is not reached within `timeoutMs`, which only a hung test should ever see.

// Runs the event loop until every event posted to this thread before the call has been delivered,
// queued calls and zero-time single shots among them. Whatever those post in turn may still wait.
[[nodiscard]] bool drainPostedEvents(int timeoutMs = 5000);

// Runs the event loop until `client` has nothing under way: every request it has sent, or was
// about to send from a queued step such as a credentials answer, has been answered or aborted,
// and what those answers set off has run, follow-up requests included. A retry that waits on a
// timer is not waited for.
[[nodiscard]] bool waitUntilIdle(const ivs::IvsClient &client, int timeoutMs = 15000);

} // namespace testsupport
