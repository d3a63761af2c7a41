#include "dialogs/report_preview.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

#include "report/indicator_report.h"

namespace xiuhua::app {

gis::Result<std::shared_ptr<const ReportPreviewPages>> ReportPreviewPages::build(
    const QString& projectPath, const ReportOptions& options, const std::atomic<bool>* cancel) {
  auto content = ReportContent::load(projectPath, options);
  if (!content.ok()) return content.error();
  auto pages = std::make_shared<ReportPreviewPages>();
  pages->content = std::move(content.value());
  // The layout is measured at print resolution so the preview breaks pages as the PDF does.
  pages->measure = ReportDocument::printResolutionImage();
  pages->document = std::make_unique<ReportDocument>(
      pages->content, pages->measure,
      IndicatorReport::printableArea(options.landscape, ReportDocument::kPrintDpi),
      ReportDocument::kPrintDpi, cancel);
  if (cancel != nullptr && cancel->load()) {
    return gis::Error{gis::ErrorCode::Cancelled,
                      QCoreApplication::translate("ReportPreview", "The preview was cancelled.")};
  }
  return std::shared_ptr<const ReportPreviewPages>(std::move(pages));
}

ReportPreview::ReportPreview(QWidget* parent)
    : QWidget(parent),
      mScroll(new QScrollArea(this)),
      mView(new QLabel(this)),
      mPrevious(new QPushButton(tr("Previous page"), this)),
      mNext(new QPushButton(tr("Next page"), this)),
      mPageLabel(new QLabel(this)),
      mResizeTimer(new QTimer(this)),
      mWatcher(new QFutureWatcher<QImage>(this)) {
  mView->setWordWrap(true);
  mView->setMargin(8);
  mScroll->setWidget(mView);
  mScroll->setWidgetResizable(true);
  mScroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
  mScroll->setBackgroundRole(QPalette::Dark);
  mScroll->setMinimumSize(360, 400);
  mResizeTimer->setSingleShot(true);
  mResizeTimer->setInterval(150);
  connect(mResizeTimer, &QTimer::timeout, this, &ReportPreview::render);
  connect(mWatcher, &QFutureWatcher<QImage>::finished, this, &ReportPreview::rendered);
  connect(mPrevious, &QPushButton::clicked, this, [this] { showPage(mPage - 1); });
  connect(mNext, &QPushButton::clicked, this, [this] { showPage(mPage + 1); });
  auto* nav = new QHBoxLayout;
  nav->addWidget(mPrevious);
  nav->addStretch();
  nav->addWidget(mPageLabel);
  nav->addStretch();
  nav->addWidget(mNext);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mScroll, 1);
  layout->addLayout(nav);
  setPages(nullptr, tr("Refresh the preview to see the report's pages."));
}

// A render in flight holds its own reference to the pages; its result is simply dropped.
ReportPreview::~ReportPreview() = default;

void ReportPreview::setPages(std::shared_ptr<const ReportPreviewPages> pages, const QString& text) {
  mPages = std::move(pages);
  mPage = 0;
  mImage = QImage();
  mShownDpi = 0;
  mView->setPixmap(QPixmap());
  mView->setAlignment(Qt::AlignCenter);
  mView->setText(mPages ? tr("Painting the page…") : text);
  updateControls();
  render();
}

int ReportPreview::pageCount() const { return mPages ? mPages->document->pageCount() : 0; }

void ReportPreview::showPage(int page) {
  if (!mPages || page < 0 || page >= pageCount() || page == mPage) return;
  mPage = page;
  updateControls();
  render();
}

void ReportPreview::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (mPages) mResizeTimer->start();
}

double ReportPreview::zoomDpi() const {
  // Zoom to width: the page's printable area across the view, less the scroll bar and a margin.
  const double width =
      mScroll->viewport()->width() - mScroll->verticalScrollBar()->sizeHint().width() - 16;
  const double pageInches = mPages->document->area().width() / ReportDocument::kPrintDpi;
  return std::clamp(width / pageInches, 20.0, ReportDocument::kPrintDpi) * devicePixelRatioF();
}

void ReportPreview::render() {
  if (!mPages || mWatcher->isRunning() || pageCount() == 0) return;
  const double dpi = zoomDpi();
  if (!mImage.isNull() && mShownDpi > 0 && std::abs(dpi - mShownDpi) < 0.5 &&
      mRenderingPage == mPage && mRenderingPages == mPages)
    return;
  mRenderingPages = mPages;
  mRenderingPage = mPage;
  mRenderingDpi = dpi;
  mWatcher->setFuture(QtConcurrent::run([pages = mPages, page = mPage, dpi] {
    return IndicatorReport::previewPage(*pages->document, page, dpi);
  }));
}

void ReportPreview::rendered() {
  if (mRenderingPages == mPages && mRenderingPage == mPage) {
    mImage = mWatcher->result();
    mImage.setDevicePixelRatio(devicePixelRatioF());
    mShownDpi = mRenderingDpi;
    mView->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    mView->setPixmap(QPixmap::fromImage(mImage));
    emit pageShown(mPage);
  }
  render();  // the page or the zoom wished for meanwhile
}

void ReportPreview::updateControls() {
  const int pages = pageCount();
  mPrevious->setEnabled(pages > 0 && mPage > 0);
  mNext->setEnabled(pages > 0 && mPage + 1 < pages);
  mPageLabel->setText(pages > 0 ? tr("Page %1 of %2").arg(mPage + 1).arg(pages) : QString());
}

}  // namespace xiuhua::app
