#include "cli/message_log.h"

namespace xiuhua::cli {

MessageLog::MessageLog() {
  mPrevious = gis::setMessageSink([state = mState](const gis::LibraryMessage& m) {
    const std::lock_guard lock(state->mutex);
    const QString line = m.describe();
    if (!state->lines.contains(line)) state->lines << line;
  });
}

MessageLog::~MessageLog() { gis::setMessageSink(mPrevious); }

QStringList MessageLog::lines() const {
  const std::lock_guard lock(mState->mutex);
  return mState->lines;
}

}  // namespace xiuhua::cli
