#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/value_store.h"

#include <QUndoCommand>

#include <functional>
#include <vector>

namespace xiuhua::app {

// Adding values (one entered value, or an import) as one undoable step. Redo appends them to
// the project's values; undo removes exactly those rows again. Failures are reported through the
// callback, never thrown. The store must outlive the command (the dashboard owns both).
class AddValuesCommand : public QUndoCommand {
 public:
  using Report = std::function<void(const gis::Error& problem)>;
  AddValuesCommand(indicators::ValueStore* store, std::vector<indicators::IndicatorValue> values,
                   const QString& text, Report report);
  void redo() override;
  void undo() override;
  bool failed() const { return mFailed; }

 private:
  indicators::ValueStore* mStore;
  std::vector<indicators::IndicatorValue> mValues;
  std::vector<qint64> mIds;
  Report mReport;
  bool mFailed = false;
};

}  // namespace xiuhua::app
