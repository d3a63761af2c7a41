#include "map/map_canvas.h"

#include "document/map_document.h"
#include "document/map_decorations.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>
#include <QtConcurrent>

#include <cmath>
#include <exception>
#include <numbers>

namespace xiuhua::app {

MapCanvas::MapCanvas(MapDocument* document, QWidget* parent) : QWidget(parent), mDocument(document) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(200, 150);
  setAttribute(Qt::WA_OpaquePaintEvent);
  mRenderPool.setMaxThreadCount(1);  // one render at a time; a newer one cancels the older
  connect(document, &MapDocument::layersChanged, this, &MapCanvas::refresh);
  connect(document, &MapDocument::styleChanged, this, &MapCanvas::refresh);
  connect(document, &MapDocument::selectionChanged, this, &MapCanvas::refresh);
  connect(document, &MapDocument::layerLoaded, this, [this] {
    if (!mHasFirstView && !mDocument->isLoading()) {
      const QRectF saved = mDocument->savedExtent();
      if (!saved.isEmpty()) {
        zoomToRect(saved);
      } else {
        zoomToFullExtent();
      }
      mHasFirstView = true;
    }
    refresh();
  });
  connect(document, &MapDocument::projectReset, this, [this] {
    mHasFirstView = false;
    mImage = QImage();
  });
  connect(document, &MapDocument::mapCrsChanged, this, [this] {
    mHasFirstView = false;
    // The document transformed the current view into the new CRS; show it right away.
    if (!mDocument->savedExtent().isEmpty()) zoomToRect(mDocument->savedExtent());
  });
}

MapCanvas::~MapCanvas() {
  if (mCancel) mCancel->store(true);
  mRenderPool.waitForDone();
}

void MapCanvas::setViewport(const gis::MapViewport& viewport) {
  if (!viewport.isValid() || viewport == mViewport) return;
  mViewport = viewport;
  mDocument->setCurrentExtent(mViewport.extent());
  emit viewportChanged();
  refresh();
}

void MapCanvas::setTool(Tool tool) {
  mTool = tool;
  setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : tool == Tool::ZoomBox ? Qt::CrossCursor : Qt::WhatsThisCursor);
}

void MapCanvas::zoomToFullExtent() {
  const QRectF extent = mDocument->fullExtent();
  if (!extent.isNull() || !extent.topLeft().isNull()) zoomToRect(extent);
}

void MapCanvas::zoomToRect(const QRectF& mapRect) {
  const QRectF r = mapRect.normalized();
  if (r.width() <= 0 && r.height() <= 0) {
    // A single point: centre on it at the current scale (a fresh view gets ~1 km across).
    const double upp = mViewport.isValid() ? mViewport.unitsPerPixel()
                                           : (mDocument->mapCrs().isGeographic() ? 1e-5 : 1.0);
    setViewport(gis::MapViewport(r.center(), upp, size()));
    return;
  }
  setViewport(gis::MapViewport::fitting(r, size()));
}

void MapCanvas::zoomBy(double factor) {
  setViewport(mViewport.zoomed(factor, QPointF(width() / 2.0, height() / 2.0)));
}

double MapCanvas::metresPerUnit() const {
  if (!mDocument->mapCrs().isGeographic()) return 1.0;
  const double lat = mViewport.center().y() * std::numbers::pi / 180.0;
  return 111319.49 * std::cos(lat);
}

double MapCanvas::scaleDenominator() const { return mViewport.scaleDenominator(metresPerUnit()); }

void MapCanvas::setScaleDenominator(double denominator) {
  if (denominator <= 0 || !mViewport.isValid()) return;
  setViewport(mViewport.withUnitsPerPixel(mViewport.unitsPerPixel() * denominator / scaleDenominator()));
}

bool MapCanvas::isRenderComplete() const {
  // No layer yet and so no view: the empty canvas is all there is to show.
  if (!mViewport.isValid() && mDocument->layerCount() == 0) return !mRenderPending;
  return !mRenderPending && mImageGeneration == mGeneration && mImageViewport == mViewport &&
         !mImage.isNull();
}

void MapCanvas::refresh() {
  if (mRenderPending) return;
  mRenderPending = true;
  // Coalesce bursts of changes (wheel ticks, several layers arriving) into one render.
  QTimer::singleShot(0, this, &MapCanvas::startRender);
}

void MapCanvas::startRender() {
  mRenderPending = false;
  if (!mViewport.isValid()) return;
  if (mCancel) mCancel->store(true);  // the running render is stale now
  gis::RenderSnapshot snapshot = mDocument->snapshot(mViewport);
  snapshot.generation = ++mGeneration;
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  mCancel = cancel;
  struct Frame {
    QImage image;
    QStringList problems;
  };
  auto* watcher = new QFutureWatcher<Frame>(this);
  const std::uint64_t generation = snapshot.generation;
  const gis::MapViewport viewport = mViewport;
  connect(watcher, &QFutureWatcher<Frame>::finished, this, [this, watcher, generation, viewport] {
    watcher->deleteLater();
    if (generation != mGeneration) return;  // superseded by a newer view
    const Frame frame = watcher->result();
    // A layer fetched from a server that went away: said once, not on every pan.
    for (const QString& problem : frame.problems) {
      if (!mReportedProblems.contains(problem)) emit renderProblem(problem);
    }
    mReportedProblems = frame.problems;
    if (frame.image.isNull()) return;
    mImage = frame.image;
    mImageViewport = viewport;
    mImageGeneration = generation;
    update();
    emit renderFinished();
  });
  watcher->setFuture(QtConcurrent::run(&mRenderPool, [snapshot = std::move(snapshot), cancel] {
    try {
      gis::RenderStats stats;
      QImage image = gis::renderMap(snapshot, *cancel, &stats);
      return Frame{std::move(image), stats.problems};
    } catch (const std::exception&) {
      return Frame{};  // out of memory for this frame: keep showing the last one
    }
  }));
}

void MapCanvas::paintEvent(QPaintEvent* /*event*/) {
  QPainter painter(this);
  painter.fillRect(rect(), Qt::white);
  if (!mImage.isNull() && mImageViewport.isValid()) {
    // Place the last image where its map extent is in the current view (pan/zoom preview).
    const QRectF e = mImageViewport.extent();
    const QRectF target(mViewport.toPixel(QPointF(e.left(), e.bottom())),
                        mViewport.toPixel(QPointF(e.right(), e.top())));
    painter.drawImage(target.translated(mPanOffset), mImage);
  }
  if (mDragging && mTool == Tool::ZoomBox) {
    painter.setPen(QPen(QColor(0, 90, 200), 1, Qt::DashLine));
    painter.setBrush(QColor(0, 90, 200, 40));
    painter.drawRect(QRect(mPressPos, mLastPos).normalized());
  }
  if (mMapTool) {
    mMapTool->paint(painter, mViewport);
    paintSnapCue(painter);
  }
  paintMarkers(painter);
  drawScaleBar(painter, mViewport, metresPerUnit());
  drawNorthArrow(painter, mViewport);
}

void MapCanvas::resizeEvent(QResizeEvent* /*event*/) {
  if (mViewport.isValid()) {
    setViewport(mViewport.resized(size()));
  } else if (!mDocument->isLoading() && mDocument->layerCount() > 0) {
    // A new canvas on an open document (e.g. after switching language) keeps the last view.
    const QRectF current = mDocument->currentExtent();
    if (current.isEmpty()) {
      zoomToFullExtent();
    } else {
      zoomToRect(current);
    }
    mHasFirstView = true;
  }
}

MapTool* MapCanvas::mapTool() const { return mMapTool; }

void MapCanvas::setMapTool(MapTool* tool) {
  if (mMapTool) disconnect(mMapTool, nullptr, this, nullptr);
  mMapTool = tool;
  mToolDrag = false;
  mSnapCue.reset();
  if (tool != nullptr) {
    connect(tool, &MapTool::changed, this, qOverload<>(&QWidget::update));
    setCursor(tool->cursor());
    setFocus();
  } else {
    setTool(mTool);  // its cursor back
  }
  update();
}

void MapCanvas::setSnapping(SnapFunction snap) {
  mSnap = std::move(snap);
  mSnapCue.reset();
  update();
}

MapToolEvent MapCanvas::toolEvent(QPointF pixel, Qt::KeyboardModifiers modifiers) {
  MapToolEvent event;
  event.cursor = event.map = mViewport.toMap(pixel);
  event.unitsPerPixel = mViewport.unitsPerPixel();
  event.modifiers = modifiers;
  mSnapCue.reset();
  if (mMapTool && mMapTool->snaps() && mSnap) {
    mSnapCue = mSnap(event.cursor, event.unitsPerPixel, *mMapTool);
    if (mSnapCue) event.map = mSnapCue->point;
  }
  event.snap = mSnapCue;
  return event;
}

void MapCanvas::paintSnapCue(QPainter& painter) const {
  if (!mSnapCue) return;
  const QPointF p = mViewport.toPixel(mSnapCue->point);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(QColor(220, 0, 200), 2));
  painter.setBrush(Qt::NoBrush);
  if (mSnapCue->kind == SnapCue::Kind::Vertex) {
    painter.drawRect(QRectF(p - QPointF(6, 6), QSizeF(12, 12)));
  } else {
    painter.drawLine(p + QPointF(-6, -6), p + QPointF(6, 6));
    painter.drawLine(p + QPointF(-6, 6), p + QPointF(6, -6));
  }
  painter.restore();
}

void MapCanvas::setMarkers(std::vector<Marker> markers) {
  mMarkers = std::move(markers);
  update();
}

void MapCanvas::paintMarkers(QPainter& painter) const {
  if (mMarkers.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor red(215, 25, 28);
  for (const Marker& m : mMarkers) {
    const QPointF p = mViewport.toPixel(m.point);
    if (!rect().contains(p.toPoint())) continue;
    painter.setPen(QPen(red, 2));
    painter.setBrush(QColor(215, 25, 28, 60));
    painter.drawEllipse(p, 8, 8);
    painter.drawLine(p + QPointF(-5, -5), p + QPointF(5, 5));
    painter.drawLine(p + QPointF(-5, 5), p + QPointF(5, -5));
    if (!m.text.isEmpty()) {
      const QRectF box = painter.fontMetrics().boundingRect(m.text).toRectF().translated(p + QPointF(12, -4)).adjusted(-3, -2, 3, 2);
      painter.setPen(Qt::NoPen);
      painter.setBrush(QColor(255, 255, 255, 220));
      painter.drawRect(box);
      painter.setPen(red);
      painter.drawText(p + QPointF(12, -4), m.text);
    }
  }
  painter.restore();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  mDragging = true;
  mPressPos = mLastPos = event->position().toPoint();
  if (mMapTool) {
    mToolDrag = mMapTool->press(toolEvent(event->position(), event->modifiers()));
    return;
  }
  if (mTool == Tool::Pan) setCursor(Qt::ClosedHandCursor);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
  if (mMapTool && event->button() == Qt::LeftButton) {
    mMapTool->doubleClick(toolEvent(event->position(), event->modifiers()));
    return;
  }
  QWidget::mouseDoubleClickEvent(event);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  emit cursorMoved(mViewport.toMap(pos));
  if (mMapTool) {
    const MapToolEvent toolMove = toolEvent(event->position(), event->modifiers());
    if (mToolDrag) {
      mMapTool->drag(toolMove);
      update();
      return;
    }
    mMapTool->hover(toolMove);
    if (mSnap) update();  // the snap cue follows
  }
  if (!mDragging) return;
  if (mTool == Tool::Pan || mMapTool) mPanOffset = QPointF(pos - mPressPos);
  mLastPos = pos;
  update();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (!mDragging || event->button() != Qt::LeftButton) return;
  mDragging = false;
  const QPoint pos = event->position().toPoint();
  const bool isClick = (pos - mPressPos).manhattanLength() < 4;
  if (mMapTool) {
    const MapToolEvent toolRelease = toolEvent(event->position(), event->modifiers());
    if (mToolDrag) {  // the tool's drag (a short one is a click too)
      mToolDrag = false;
      mMapTool->release(toolRelease);
    } else if (isClick) {  // clicks act, other drags pan
      mPanOffset = QPointF();
      mMapTool->click(toolRelease);
    } else {
      mPanOffset = QPointF();
      setViewport(mViewport.panned(QPointF(pos - mPressPos)));
    }
    update();
    return;
  }
  switch (mTool) {
    case Tool::Pan:
      setCursor(Qt::OpenHandCursor);
      mPanOffset = QPointF();
      if (!isClick) setViewport(mViewport.panned(QPointF(pos - mPressPos)));
      break;
    case Tool::ZoomBox:
      if (isClick) {
        setViewport(mViewport.zoomed(2.0, pos));
      } else {
        zoomToRect(QRectF(mViewport.toMap(mPressPos), mViewport.toMap(pos)));
      }
      break;
    case Tool::Identify:
      emit identifyRequested(mViewport.toMap(pos), 4 * mViewport.unitsPerPixel());
      break;
  }
  update();
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  setViewport(mViewport.zoomed(std::pow(1.25, steps), event->position()));
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
  if (mMapTool && mMapTool->key(event->key(), event->modifiers())) return;
  const int step = 60;
  switch (event->key()) {
    case Qt::Key_Left: setViewport(mViewport.panned(QPointF(step, 0))); break;
    case Qt::Key_Right: setViewport(mViewport.panned(QPointF(-step, 0))); break;
    case Qt::Key_Up: setViewport(mViewport.panned(QPointF(0, step))); break;
    case Qt::Key_Down: setViewport(mViewport.panned(QPointF(0, -step))); break;
    case Qt::Key_Plus: case Qt::Key_Equal: zoomBy(1.5); break;
    case Qt::Key_Minus: zoomBy(1 / 1.5); break;
    default: QWidget::keyPressEvent(event);
  }
}

}  // namespace xiuhua::app
