#pragma once

#include "xiuhua/gis/library_messages.h"

#include <QStringList>

#include <mutex>

namespace xiuhua::cli {

// While alive, takes the messages of GDAL, PROJ and GEOS that no reader collected (on any thread)
// instead of letting them go to standard error raw, so that a command can count them among its
// JSON's warnings and print them in its own words. Restores the previous sink when destroyed.
class MessageLog {
 public:
  MessageLog();
  ~MessageLog();
  MessageLog(const MessageLog&) = delete;
  MessageLog& operator=(const MessageLog&) = delete;
  QStringList lines() const;

 private:
  gis::MessageSink mPrevious;
  mutable std::mutex mMutex;
  QStringList mLines;
};

}  // namespace xiuhua::cli
