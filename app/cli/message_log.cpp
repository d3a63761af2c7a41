#include "cli/message_log.h"

namespace xiuhua::cli {

MessageLog::MessageLog() {
  mPrevious = gis::setMessageSink([this](const gis::LibraryMessage& m) {
    const std::lock_guard lock(mMutex);
    const QString line = m.describe();
    if (!mLines.contains(line)) mLines << line;
  });
}

MessageLog::~MessageLog() { gis::setMessageSink(mPrevious); }

QStringList MessageLog::lines() const {
  const std::lock_guard lock(mMutex);
  return mLines;
}

}  // namespace xiuhua::cli
