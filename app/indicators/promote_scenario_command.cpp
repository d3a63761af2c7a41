#include "indicators/promote_scenario_command.h"

#include "document/map_document.h"
#include "xiuhua/gis/vector_editor.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCoreApplication>
#include <QDateTime>

namespace xiuhua::app {

PromoteScenarioCommand::PromoteScenarioCommand(MapDocument* document, QString projectPath, indicators::Scenario scenario,
                                               gis::SourceRef facilities, std::map<QString, QVariant> attributes, Report report)
    : mDocument(document), mProjectPath(std::move(projectPath)), mScenario(std::move(scenario)), mFacilities(std::move(facilities)),
      mAttributes(std::move(attributes)), mReport(std::move(report)) {
  setText(QCoreApplication::translate("PromoteScenarioCommand", "make scenario \"%1\" real").arg(mScenario.name));
}

gis::Status PromoteScenarioCommand::apply() {
  auto store = indicators::ScenarioStore::open(mProjectPath);
  if (!store.ok()) return store.error();
  auto editor = gis::VectorEditor::open(mFacilities);
  if (!editor.ok()) return editor.error();
  if (!(*editor)->keepsFids()) {
    // Undo and the saved scenario name features by fid: only a format that keeps them will do.
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      QCoreApplication::translate("PromoteScenarioCommand",
                                                  "%1: a scenario can be made real only in a GeoPackage layer (a shapefile renumbers its "
                                                  "features when edited); export the facility layer to GeoPackage first.")
                          .arg(mFacilities.toString())};
  }
  std::vector<gis::Geometry> proposed;
  gis::Crs crs;
  if (!mScenario.proposedLayer.isEmpty()) {
    gis::ReadOptions options;
    options.layerName = mScenario.proposedLayer;
    auto data = gis::VectorReader::read(mProjectPath, options);
    if (!data.ok()) return data.error();
    proposed = (*data)->geometries;
    crs = (*data)->crs;
  }
  auto added = (*editor)->add(proposed, crs, std::vector<std::map<QString, QVariant>>(proposed.size(), mAttributes));
  if (!added.ok()) return added.error();
  auto removed = (*editor)->remove(mScenario.removed);
  if (!removed.ok()) {
    if (auto back = (*editor)->remove(*added); !back.ok()) {
      return gis::Error{removed.error().code, removed.error().message + QLatin1Char(' ') + back.error().message};
    }
    return removed.error();
  }
  if (gis::Status s = (*store)->setPromoted(mScenario.id, QDateTime::currentDateTimeUtc()); !s) {
    // The layer as it was: the step did not happen.
    (void)(*editor)->remove(*added);
    (void)(*editor)->restore(**removed);
    return s;
  }
  mAdded = std::move(added).value();
  mRemoved = std::move(removed).value();
  return {};
}

gis::Status PromoteScenarioCommand::revert() {
  auto editor = gis::VectorEditor::open(mFacilities);
  if (!editor.ok()) return editor.error();
  auto removed = (*editor)->remove(mAdded);
  if (!removed.ok()) return removed.error();
  if (mRemoved) {
    auto restored = (*editor)->restore(*mRemoved);
    if (!restored.ok()) return restored.error();
  }
  auto store = indicators::ScenarioStore::open(mProjectPath);
  if (!store.ok()) return store.error();
  return (*store)->setPromoted(mScenario.id, QDateTime());
}

void PromoteScenarioCommand::redo() {
  if (mDone) return;
  if (gis::Status s = apply(); !s) {
    setObsolete(true);
    if (mReport) mReport(s.error().message);
    return;
  }
  mDone = true;
  mDocument->reloadSource(mFacilities.path);
}

void PromoteScenarioCommand::undo() {
  if (!mDone) return;
  if (gis::Status s = revert(); !s) {
    // The layer is not as before the step: the stack cannot redo it safely either.
    setObsolete(true);
    if (mReport) mReport(s.error().message);
    return;
  }
  mDone = false;
  mDocument->reloadSource(mFacilities.path);
}

}  // namespace xiuhua::app
