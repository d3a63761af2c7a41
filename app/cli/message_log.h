#pragma once

#include "xiuhua/gis/library_messages.h"

#include <QStringList>

#include <memory>
#include <mutex>

namespace xiuhua::cli {

// While alive, takes the messages of GDAL, PROJ and GEOS that no reader collected (on any thread)
// instead of letting them go to standard error raw, so that a command can count them among its
// JSON's warnings and print them in its own words. Restores the previous sink when destroyed (what
// the sink holds outlives it: a library thread may still be reporting).
class MessageLog {
 public:
  MessageLog();
  ~MessageLog();
  MessageLog(const MessageLog&) = delete;
  MessageLog& operator=(const MessageLog&) = delete;
  QStringList lines() const;

 private:
  struct State {
    std::mutex mutex;
    QStringList lines;
  };
  std::shared_ptr<State> mState = std::make_shared<State>();
  gis::MessageSink mPrevious;
};

}  // namespace xiuhua::cli
