#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QUndoCommand>

#include <functional>

namespace xiuhua::app {

// Changing an indicator's target (or baseline) as one undoable step: redo stores the new
// definition, undo the old one. Failures go to the callback, never thrown.
class EditTargetCommand : public QUndoCommand {
 public:
  using Report = std::function<void(const QString& problem)>;
  EditTargetCommand(indicators::ValueStore* store, indicators::Indicator before, indicators::Indicator after,
                    Report report);
  void redo() override;
  void undo() override;

 private:
  void store(const indicators::Indicator& indicator);
  indicators::ValueStore* mStore;
  indicators::Indicator mBefore;
  indicators::Indicator mAfter;
  Report mReport;
};

}  // namespace xiuhua::app
