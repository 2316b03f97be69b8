#pragma once

class QSettings;

namespace identity {

// Copies every key of `from` into `to` when `to` holds nothing yet and `from` holds something;
// true when it did. A marker key is left in `to`, so settings the user empties later (the last
// profile removed) are not filled from the old place again. `from` is left as it was.
bool copyLegacySettings(const QSettings &from, QSettings &to);

} // namespace identity
