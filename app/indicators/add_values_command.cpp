#include "indicators/add_values_command.h"

namespace xiuhua::app {

AddValuesCommand::AddValuesCommand(indicators::ValueStore* store, std::vector<indicators::IndicatorValue> values,
                                   const QString& text, Report report)
    : QUndoCommand(text), mStore(store), mValues(std::move(values)), mReport(std::move(report)) {}

void AddValuesCommand::redo() {
  auto ids = mStore->addValues(mValues);
  mFailed = !ids.ok();
  if (mFailed) {
    setObsolete(true);  // nothing was written: nothing to undo
    mReport(ids.error());
    return;
  }
  mIds = std::move(ids).value();
}

void AddValuesCommand::undo() {
  if (mIds.empty()) return;
  if (gis::Status s = mStore->removeValues(mIds); !s) {
    mReport(s.error());
    return;
  }
  mIds.clear();
}

}  // namespace xiuhua::app
