#include "indicators/proposal_sketch.h"

#include "document/map_document.h"
#include "indicators/result_layer_group.h"
#include "map/map_canvas.h"

#include <QFile>

namespace xiuhua::app {

ProposalSketch::ProposalSketch(MapDocument* document, MapCanvas* canvas, SketchTool::Shape shape, QString file, QString group,
                               QObject* parent)
    : QObject(parent), mDocument(document), mCanvas(canvas), mShape(shape), mFile(std::move(file)), mGroup(std::move(group)) {}

ProposalSketch::~ProposalSketch() {
  blockSignals(true);  // the dialog around it is going: no one to tell
  stop();
}

void ProposalSketch::setCanvas(MapCanvas* canvas) {
  stop();
  mCanvas = canvas;
}

void ProposalSketch::start() {
  if (mTool || !mCanvas) return;
  mTool = new SketchTool(mShape, this);
  connect(mTool, &SketchTool::finished, this, &ProposalSketch::add);
  connect(mTool, &SketchTool::refused, this, &ProposalSketch::problem);
  connect(mTool, &SketchTool::ended, this, &ProposalSketch::stop);
  mCanvas->setMapTool(mTool);
  emit activeChanged(true);
}

void ProposalSketch::stop() {
  if (!mTool) return;
  if (mCanvas && mCanvas->mapTool() == mTool) mCanvas->setMapTool(nullptr);
  mTool->deleteLater();
  mTool = nullptr;
  emit activeChanged(false);
}

gis::SourceRef ProposalSketch::source() const {
  if (mGeometries.empty()) return {};
  return gis::SourceRef{mFile, QStringLiteral("proposed"), gis::Crs(), {}};
}

bool ProposalSketch::add(const gis::Geometry& geometry) {
  mGeometries.push_back(geometry);
  if (!write()) {
    mGeometries.pop_back();
    return false;
  }
  emit countChanged(count());
  return true;
}

void ProposalSketch::clear() {
  mGeometries.clear();
  for (const LayerState& l : std::vector<LayerState>(mDocument->layers())) {
    if (l.spec.group == mGroup) mDocument->removeLayer(l.spec.id);
  }
  QFile::remove(mFile);
  emit countChanged(0);
}

bool ProposalSketch::write() {
  gis::LayerToWrite layer;
  layer.name = QStringLiteral("proposed");
  layer.crs = mDocument->mapCrs();
  layer.type = mShape == SketchTool::Shape::Point ? gis::Geometry::Type::Point : gis::Geometry::Type::Polygon;
  layer.fields = {{QStringLiteral("number"), gis::Field::Type::Integer}};
  layer.geometries = mGeometries;
  for (std::size_t i = 0; i < mGeometries.size(); ++i) layer.attributes.push_back({static_cast<qlonglong>(i + 1)});
  const std::vector<ResultLayerLook> looks = {
      {QStringLiteral("proposed"), tr("Drawn proposals"), QColor(230, 85, 13, 140), QColor(166, 54, 3), 9}};
  auto shown = showResultLayerGroup(mDocument, mFile, {layer}, mGroup, looks);
  if (!shown.ok()) {
    emit problem(shown.error().message);
    return false;
  }
  return true;
}

}  // namespace xiuhua::app
