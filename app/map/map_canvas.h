#pragma once

#include "map/map_tool.h"
#include "xiuhua/gis/map_viewport.h"
#include "xiuhua/gis/render_job.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace xiuhua::app {

class MapDocument;

// Shows the document's map. Renders on a worker thread from an immutable snapshot; while a
// render runs the last image is shown moved/scaled to the current view, and a newer request
// cancels the older one (its result is dropped by generation).
class MapCanvas : public QWidget {
  Q_OBJECT

 public:
  enum class Tool { Pan, ZoomBox, Identify };

  explicit MapCanvas(MapDocument* document, QWidget* parent = nullptr);
  ~MapCanvas() override;

  const gis::MapViewport& viewport() const { return mViewport; }
  void setViewport(const gis::MapViewport& viewport);
  void setTool(Tool tool);
  Tool tool() const { return mTool; }
  // While a map tool is set (drawing, vertex editing …), the mouse and keys go to it (drags it does
  // not take still pan) and it draws over the map; nullptr ends it. The canvas does not own it.
  void setMapTool(MapTool* tool);
  MapTool* mapTool() const;
  // Snapping for tools that snap: asked on every move; the cue (a square on a vertex, a cross on a
  // segment) is drawn where it snaps. An empty function: no snapping.
  void setSnapping(SnapFunction snap);
  // Points to show over the map with a short text each, e.g. where a geometry check found a
  // problem (map CRS); an empty list clears them.
  struct Marker {
    QPointF point;
    QString text;
  };
  void setMarkers(std::vector<Marker> markers);
  const std::vector<Marker>& markers() const { return mMarkers; }

  void zoomToFullExtent();
  void zoomToRect(const QRectF& mapRect);
  void zoomBy(double factor);
  // 1:N at 96 dpi, at the view centre.
  double scaleDenominator() const;
  void setScaleDenominator(double denominator);
  // True when the image on screen is the finished render of the current view.
  bool isRenderComplete() const;
  const QImage& renderedImage() const { return mImage; }

 public slots:
  void refresh();

 signals:
  void viewportChanged();
  void cursorMoved(QPointF mapPoint);
  void identifyRequested(QPointF mapPoint, double toleranceMapUnits);
  void renderFinished();
  // A layer of the frame could not be drawn (a streamed table whose server is away), naming it.
  void renderProblem(const QString& message);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void startRender();
  void onRenderDone();
  double metresPerUnit() const;
  MapToolEvent toolEvent(QPointF pixel, Qt::KeyboardModifiers modifiers);
  void paintSnapCue(QPainter& painter) const;
  void paintMarkers(QPainter& painter) const;

  MapDocument* mDocument;
  gis::MapViewport mViewport;
  Tool mTool = Tool::Pan;
  QPointer<MapTool> mMapTool;
  SnapFunction mSnap;
  std::optional<SnapCue> mSnapCue;
  bool mToolDrag = false;  // the tool took the current press
  std::vector<Marker> mMarkers;

  QImage mImage;                    // last finished render
  QStringList mReportedProblems;    // what the last frame could not draw, said once
  gis::MapViewport mImageViewport;  // the view it was rendered for
  std::uint64_t mGeneration = 0;
  std::uint64_t mImageGeneration = 0;
  std::shared_ptr<std::atomic<bool>> mCancel;
  // Renders get their own thread, so loads and validity checks never hold up a redraw.
  QThreadPool mRenderPool;
  bool mRenderPending = false;

  bool mDragging = false;
  QPoint mPressPos;
  QPoint mLastPos;
  QPointF mPanOffset;
  bool mHasFirstView = false;
};

}  // namespace xiuhua::app
