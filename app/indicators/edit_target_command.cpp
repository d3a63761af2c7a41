#include "indicators/edit_target_command.h"

#include <QCoreApplication>

namespace xiuhua::app {

EditTargetCommand::EditTargetCommand(indicators::ValueStore* store, indicators::Indicator before,
                                     indicators::Indicator after, Report report)
    : QUndoCommand(QCoreApplication::translate("EditTargetCommand", "Edit target of %1").arg(after.code)),
      mStore(store), mBefore(std::move(before)), mAfter(std::move(after)), mReport(std::move(report)) {}

void EditTargetCommand::redo() { store(mAfter); }
void EditTargetCommand::undo() { store(mBefore); }

void EditTargetCommand::store(const indicators::Indicator& indicator) {
  if (gis::Status s = mStore->updateIndicator(indicator); !s) mReport(s.error().message);
}

}  // namespace xiuhua::app
