#pragma once

#include "xiuhua/gis/source_ref.h"
#include "xiuhua/indicators/metrics/scenario_store.h"

#include <QUndoCommand>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace xiuhua::gis {
struct RemovedFeatures;
}

namespace xiuhua::app {

class MapDocument;

// Making a saved scenario real, as one undoable step: its proposed facilities are added to the
// indicator's facility layer (with the fields that make them count in the scenario's year) and
// the facilities it takes away are removed from it; undo removes the added ones and puts the
// others back. The scenario is marked promoted (and unmarked on undo); map layers reading the
// file reload. A step that fails reports why, changes nothing and becomes obsolete.
class PromoteScenarioCommand : public QUndoCommand {
 public:
  using Report = std::function<void(const QString& problem)>;
  PromoteScenarioCommand(MapDocument* document, QString projectPath, indicators::Scenario scenario, gis::SourceRef facilities,
                         std::map<QString, QVariant> attributes, Report report);
  void redo() override;
  void undo() override;
  bool done() const { return mDone; }

 private:
  gis::Status apply();
  gis::Status revert();
  MapDocument* mDocument;
  QString mProjectPath;
  indicators::Scenario mScenario;
  gis::SourceRef mFacilities;
  std::map<QString, QVariant> mAttributes;
  Report mReport;
  std::vector<qint64> mAdded;
  std::shared_ptr<const gis::RemovedFeatures> mRemoved;
  bool mDone = false;
};

}  // namespace xiuhua::app
