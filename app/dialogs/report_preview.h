#pragma once

#include <QImage>
#include <QWidget>
#include <memory>

#include "report/report_content.h"
#include "report/report_document.h"

class QLabel;
class QPushButton;
class QScrollArea;
class QTimer;
template <typename T>
class QFutureWatcher;

namespace xiuhua::app {

// A report laid out for a preview: the content, the image the layout was measured on (300 dpi,
// ReportDocument::kPrintDpi) and the document, kept together because the document references both.
// Built on a worker thread (see build); immutable afterwards, so pages may be painted on any
// thread.
struct ReportPreviewPages {
  ReportContent content;
  QImage measure;
  std::unique_ptr<ReportDocument> document;

  // Reads the project and lays the report out (slow: it reads the map layers); Cancelled when
  // `cancel` was set meanwhile. Errors name the project file.
  static gis::Result<std::shared_ptr<const ReportPreviewPages>> build(
      const QString& projectPath, const ReportOptions& options, const std::atomic<bool>* cancel);
};

// One page of a laid-out report at a time, zoomed to the width of the view, with previous/next
// buttons and "Page x of y". Pages are painted on a worker thread (a map page takes a moment);
// the view keeps the last page until the new one is ready.
class ReportPreview : public QWidget {
  Q_OBJECT

 public:
  explicit ReportPreview(QWidget* parent = nullptr);
  ~ReportPreview() override;

  // Shows the first page of `pages` (nullptr: nothing, with `text` in the middle).
  void setPages(std::shared_ptr<const ReportPreviewPages> pages, const QString& text = {});
  int pageCount() const;
  int currentPage() const { return mPage; }
  void showPage(int page);
  // The page image on show (null until the first is painted), at the view's zoom.
  QImage image() const { return mImage; }

 signals:
  // A page image was painted and is on show.
  void pageShown(int page);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void render();
  void rendered();
  double zoomDpi() const;
  void updateControls();

  std::shared_ptr<const ReportPreviewPages> mPages;
  int mPage = 0;
  QImage mImage;
  QScrollArea* mScroll;
  QLabel* mView;
  QPushButton* mPrevious;
  QPushButton* mNext;
  QLabel* mPageLabel;
  QTimer* mResizeTimer;
  QFutureWatcher<QImage>* mWatcher;
  // What the render in flight paints; a newer wish is rendered when it finishes.
  std::shared_ptr<const ReportPreviewPages> mRenderingPages;
  int mRenderingPage = -1;
  double mRenderingDpi = 0;
  double mShownDpi = 0;
};

}  // namespace xiuhua::app
