#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/field.h"
#include "xiuhua/gis/geometry.h"

#include <QObject>
#include <QString>

#include <map>
#include <vector>

class QWidget;

namespace xiuhua::app {

class LayerEditing;
class MapDocument;

// Features copied from a layer: geometries in that layer's CRS (`crs`; invalid: none known),
// attributes by field name.
struct CopiedFeatures {
  gis::Geometry::Type type = gis::Geometry::Type::Empty;
  gis::Crs crs;
  std::vector<gis::Geometry> geometries;
  std::vector<std::map<QString, QVariant>> attributes;
  QString fromLayer;  // its name, for messages
  bool isEmpty() const { return geometries.empty(); }
};

// Edits on the selected features of a layer being edited: merge them into one (GEOS union, the
// attributes of the one the planner picks), copy the selection of any layer and paste it into an
// edited layer of the same kind of geometry (fields matched by name, reprojected). Each is one undo
// step of the target layer.
class FeatureOperations : public QObject {
  Q_OBJECT

 public:
  FeatureOperations(MapDocument* document, LayerEditing* editing, QWidget* dialogParent);

  // Merges the selected features of the edited layer; `keep` picks whose attributes stay (by
  // default asks the planner). False, with problem() emitted, when refused.
  bool mergeSelected(const QString& layerId, std::optional<qint64> keep = std::nullopt);
  // Copies the selected features of a layer (edited or not). The text clipboard gets them as WKT.
  bool copySelected(const QString& layerId);
  // Pastes what was copied into the edited layer; returns how many features were added.
  int paste(const QString& layerId);
  const CopiedFeatures& copied() const { return mCopied; }

 signals:
  void problem(const QString& message);
  void message(const QString& message);

 private:
  MapDocument* mDocument;
  LayerEditing* mEditing;
  QWidget* mDialogParent;
  CopiedFeatures mCopied;
};

}  // namespace xiuhua::app
