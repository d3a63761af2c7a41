#pragma once

#include "map/sketch_tool.h"
#include "xiuhua/gis/source_ref.h"

#include <QObject>
#include <QPointer>

#include <vector>

namespace xiuhua::app {

class MapCanvas;
class MapDocument;

// Proposed facilities a planner draws on the map for a what-if: each finished sketch is kept (map
// CRS), written to a GeoPackage beside the project (replaced whole on every change) and shown as a
// layer of its own group, so a scenario can read them like any proposed layer. The base layers are
// never touched.
class ProposalSketch : public QObject {
  Q_OBJECT

 public:
  ProposalSketch(MapDocument* document, MapCanvas* canvas, SketchTool::Shape shape, QString file, QString group,
                 QObject* parent = nullptr);
  ~ProposalSketch() override;

  void setCanvas(MapCanvas* canvas);
  void start();
  void stop();
  bool isActive() const { return mTool != nullptr; }
  int count() const { return static_cast<int>(mGeometries.size()); }
  // The drawn facilities as a source ("file|layername=proposed"); empty when none is drawn.
  gis::SourceRef source() const;
  // Adds a drawn facility (map CRS), as a finished sketch does.
  bool add(const gis::Geometry& geometry);
  void clear();
  SketchTool* tool() const { return mTool; }

 signals:
  void countChanged(int count);
  void activeChanged(bool active);
  void problem(const QString& message);

 private:
  bool write();

  MapDocument* mDocument;
  QPointer<MapCanvas> mCanvas;
  SketchTool::Shape mShape;
  QString mFile;
  QString mGroup;
  QPointer<SketchTool> mTool;
  std::vector<gis::Geometry> mGeometries;
};

}  // namespace xiuhua::app
