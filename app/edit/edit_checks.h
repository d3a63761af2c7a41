#pragma once

#include "xiuhua/gis/edit/field_constraints.h"
#include "xiuhua/gis/edit/geometry_checks.h"
#include "xiuhua/gis/field.h"

#include <QObject>
#include <QStringList>

#include <map>
#include <optional>

class QWidget;

namespace xiuhua::app {

class LayerEditing;
class MapCanvas;
class MapDocument;

// What is checked while a layer is edited: the format's limits when editing starts (a Shapefile's
// 10-byte names, 254-byte texts, 2 GB), every attribute value against the layer's constraints
// (not null, ranges, value lists, patterns — GeoPackage's own) and the format, and the geometries
// the session changed before they are saved (the planner repairs them or keeps them on purpose).
class EditChecks : public QObject {
  Q_OBJECT

 public:
  EditChecks(MapDocument* document, LayerEditing* editing, MapCanvas* canvas, QWidget* dialogParent);

  QStringList startWarnings(const QString& layerId) const;
  // The layer's constraints (read from its source once per editing session).
  const gis::LayerConstraints& constraints(const QString& layerId);
  // nullopt when the value may go into the field; else why not (naming the field).
  std::optional<QString> checkValue(const QString& layerId, int field, const QVariant& value);
  // The defaults of the layer's fields for a new feature (this year for "{year}").
  gis::AttributeRow defaults(const QString& layerId);
  // The attribute form with the constraints; values empty: the defaults. nullopt when cancelled.
  std::optional<gis::AttributeRow> askAttributes(const QString& layerId, gis::AttributeRow values, const QString& title);
  // The options the layer's format and CRS call for.
  gis::GeometryCheckOptions geometryOptions(const QString& layerId) const;
  // The geometry problems of the features the session changed (fid, issue).
  std::vector<std::pair<qint64, gis::GeometryIssue>> changedGeometryIssues(const QString& layerId) const;
  // Before saving: when a changed geometry has problems, shows them (list and map) and lets the
  // planner repair them (one undo step), keep them on purpose, or cancel; true: go on saving.
  bool beforeSave(const QString& layerId);
  // Repairs the geometries of the given features as one undo step; false (problem emitted) when
  // one cannot be repaired.
  bool repair(const QString& layerId, const std::vector<qint64>& fids);

 signals:
  void problem(const QString& message);

 private:
  MapDocument* mDocument;
  LayerEditing* mEditing;
  MapCanvas* mCanvas;
  QWidget* mDialogParent;
  std::map<QString, gis::LayerConstraints> mConstraints;
};

}  // namespace xiuhua::app
