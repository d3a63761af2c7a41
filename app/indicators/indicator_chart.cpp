#include "indicators/indicator_chart.h"

#include "indicators/dashboard_model.h"
#include "xiuhua/indicators/progress.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLabel>
#include <QPainter>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace xiuhua::app {

IndicatorChart::IndicatorChart(QWidget* parent) : QWidget(parent), mPlot(new QCustomPlot(this)), mHint(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mHint);
  layout->addWidget(mPlot);
  mHint->setObjectName(QStringLiteral("chartHint"));
  mHint->setAlignment(Qt::AlignCenter);
  mHint->setWordWrap(true);
  mHint->setMinimumHeight(210);
  mHint->setText(tr("Select an indicator in the table to see its values over the years, its target and the expected path; "
                    "for an indicator broken down by 街镇 or 网格, a bar for each."));
  mPlot->setMinimumHeight(210);
  mPlot->hide();
  mPlot->legend->setVisible(true);
  mPlot->legend->setFont(font());
  // One row, see-through: in a low dock a three-row legend covered the latest values.
  mPlot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  mPlot->legend->setBrush(QColor(255, 255, 255, 190));
  mPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

void IndicatorChart::clear() {
  mPlot->clearPlottables();
  mPlot->clearItems();
  removeSubunitPanel();
  mPlot->replot();
  mPlot->hide();
  mHint->show();
}

bool IndicatorChart::isShowingHint() const { return !mHint->isHidden(); }

void IndicatorChart::removeSubunitPanel() {
  if (mSubunitPanel == nullptr) return;
  mPlot->plotLayout()->remove(mSubunitPanel);  // deletes it with its axes
  mPlot->plotLayout()->simplify();
  mSubunitPanel = nullptr;
}

void IndicatorChart::showSubunits(const indicators::Indicator& ind,
                                  const std::map<QString, std::pair<int, double>>& subunits, int year,
                                  const std::set<QString>& notApplicable) {
  mSubunitPanel = new QCPAxisRect(mPlot);
  mPlot->plotLayout()->addElement(1, 0, mSubunitPanel);
  mPlot->plotLayout()->setRowStretchFactors({3, 2});
  QCPAxis* x = mSubunitPanel->axis(QCPAxis::atBottom);
  QCPAxis* y = mSubunitPanel->axis(QCPAxis::atLeft);
  mSubunitNames.clear();
  // One bar per sub-unit; one QCPBars per status so each bar wears its status colour.
  std::map<indicators::Status, QCPBars*> bars;
  double lo = 0;
  double hi = ind.isSummedOverArea() ? 0 : ind.targetValue.value_or(0);
  double position = 0;
  for (const auto& [name, yearValue] : subunits) {
    position += 1;
    const auto& [valueYear, value] = yearValue;
    mSubunitNames.push_back(valueYear == year ? name : QStringLiteral("%1\n(%2)").arg(name).arg(valueYear));
    // A sub-unit's part of a summed total (个, 公里 …) has no status of its own: one neutral colour.
    const bool judged = !ind.isSummedOverArea();
    const indicators::Status status = judged ? indicators::computeProgress(ind, valueYear, value).status : indicators::Status::NoData;
    QCPBars*& b = bars[status];
    if (b == nullptr) {
      b = new QCPBars(x, y);
      b->setName(indicators::statusName(status));
      b->setPen(Qt::NoPen);
      b->setBrush(judged ? DashboardModel::statusColor(status) : QColor(0x67, 0x93, 0xc4));
      b->setWidth(0.7);
      b->removeFromLegend();
    }
    b->addData(position, value);
    lo = std::min(lo, value);
    hi = std::max(hi, value);
  }
  // Outside the target's area: named, no bar, no status.
  for (const QString& name : notApplicable) {
    if (subunits.count(name) > 0) continue;
    position += 1;
    mSubunitNames.push_back(tr("%1\n(%2)").arg(name, indicators::statusName(indicators::Status::NotApplicable)));
  }
  if (ind.targetValue && !ind.isSummedOverArea()) {  // the district's total is no sub-unit's target
    QCPGraph* target = mPlot->addGraph(x, y);
    target->setPen(QPen(QColor(0xd7, 0x30, 0x27), 1.5, Qt::DashLine));
    target->setData({0.4, position + 0.6}, {*ind.targetValue, *ind.targetValue});
    target->removeFromLegend();
  }
  x->setTickLabelRotation(subunits.size() > 8 ? 45 : 0);
  x->setRange(0.4, position + 0.6);
  mSubunitTitle = tr("%1 by %2, %3").arg(ind.nameZh, ind.breakdown.isEmpty() ? tr("sub-unit") : ind.breakdown).arg(year);
  if (!ind.scope.isEmpty()) mSubunitTitle = tr("%1 (target set for %2)").arg(mSubunitTitle, ind.scope);
  nameSubunits();
  y->setLabel(ind.unit);
  y->ticker()->setTickCount(3);
  const double margin = std::max((hi - lo) * 0.1, 0.5);
  y->setRange(std::min(0.0, lo - margin), hi + margin);
}

void IndicatorChart::nameSubunits() {
  if (mSubunitPanel == nullptr) return;
  QCPAxis* x = mSubunitPanel->axis(QCPAxis::atBottom);
  // Names that fit: a name at 45° needs about 1.5 line heights along the axis; with more sub-units
  // than fit (355 网格 in a narrow panel), one name in `stride` is written, evenly.
  const QFontMetrics metrics(x->tickLabelFont());
  const int n = static_cast<int>(mSubunitNames.size());
  const double room = std::max(120, mPlot->width() - 100);
  const double needed = (n > 8 ? 1.5 * metrics.height() : 1.2 * metrics.horizontalAdvance(QStringLiteral("嘉定工业区")));
  const int stride = std::max(1, static_cast<int>(std::ceil(n * needed / room)));
  QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
  for (int i = 0; i < n; i += stride) names->addTick(i + 1, mSubunitNames[static_cast<std::size_t>(i)]);
  x->setTicker(names);
  x->setLabel(stride > 1 ? tr("%1 (%2 bars, one name in %3 shown)").arg(mSubunitTitle).arg(n).arg(stride) : mSubunitTitle);
}

void IndicatorChart::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (mSubunitPanel != nullptr) {
    nameSubunits();
    mPlot->replot(QCustomPlot::rpQueuedReplot);
  }
}

void IndicatorChart::show(const indicators::Indicator& ind, const std::map<int, double>& series,
                          const std::map<QString, std::pair<int, double>>& subunits, int year, const std::set<int>& synthetic,
                          const std::set<QString>& notApplicable) {
  mHint->hide();
  mPlot->show();
  mPlot->clearPlottables();
  mPlot->clearItems();
  removeSubunitPanel();
  if (!subunits.empty()) showSubunits(ind, subunits, year, notApplicable);
  // The path only from a start the plan or an analyst gives (indicators::pathStart), never invented.
  const std::optional<std::pair<int, double>> start = indicators::pathStart(ind);
  int firstYear = start ? start->first : ind.period.isValid() ? ind.period.first - 1 : ind.targetYear - 5;
  if (!series.empty()) firstYear = std::min(firstYear, series.begin()->first);
  double lo = 0;
  double hi = 0;
  bool any = false;
  auto extend = [&](double v) {
    lo = any ? std::min(lo, v) : v;
    hi = any ? std::max(hi, v) : v;
    any = true;
  };
  if (ind.targetValue) {
    QCPGraph* target = mPlot->addGraph();
    target->setName(ind.isPerYear() ? tr("Target %1 a year").arg(*ind.targetValue) : tr("Target %1").arg(*ind.targetValue));
    target->setPen(QPen(QColor(0xd7, 0x30, 0x27), 1.5, Qt::DashLine));
    target->setData({double(firstYear), double(ind.targetYear)}, {*ind.targetValue, *ind.targetValue});
    extend(*ind.targetValue);
    if (start && !ind.isPerYear()) {
      QCPGraph* path = mPlot->addGraph();
      path->setName(tr("Expected path"));
      path->setPen(QPen(Qt::gray, 1.2, Qt::DotLine));
      path->setData({double(start->first), double(ind.targetYear)}, {start->second, *ind.targetValue});
      extend(start->second);
    }
  }
  QCPGraph* values = mPlot->addGraph();
  values->setName(tr("Values (%1)").arg(ind.unit));
  values->setPen(QPen(QColor(0x21, 0x66, 0xac), 2));
  values->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 8));
  for (const auto& [year, value] : series) {
    values->addData(year, value);
    extend(value);
    // A dot in the status colour of that year's value; a ring for an invented (synthetic) one.
    const indicators::Progress p = indicators::computeProgress(ind, year, value);
    auto* dot = new QCPItemEllipse(mPlot);
    const bool invented = synthetic.count(year) > 0;
    dot->setPen(invented ? QPen(DashboardModel::statusColor(p.status), 2) : QPen(Qt::NoPen));
    dot->setBrush(invented ? QBrush(Qt::white) : QBrush(DashboardModel::statusColor(p.status)));
    dot->topLeft->setType(QCPItemPosition::ptPlotCoords);
    dot->bottomRight->setType(QCPItemPosition::ptPlotCoords);
    dot->topLeft->setCoords(year - 0.08, value + 0.02 * std::max(1.0, std::abs(hi - lo)));
    dot->bottomRight->setCoords(year + 0.08, value - 0.02 * std::max(1.0, std::abs(hi - lo)));
  }
  if (std::any_of(series.begin(), series.end(), [&](const auto& v) { return synthetic.count(v.first) > 0; })) {
    QCPGraph* key = mPlot->addGraph();  // a legend entry only
    key->setName(tr("Synthetic example values (not official)"));
    key->setPen(Qt::NoPen);
    key->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::darkGray, 2), Qt::white, 8));
  }
  if (!series.empty()) noteWhyNoPath(ind, series);
  QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
  ticker->setTickStep(1.0);
  mPlot->xAxis->setTicker(ticker);
  mPlot->xAxis->setNumberFormat(QStringLiteral("f"));
  mPlot->xAxis->setNumberPrecision(0);
  mPlot->xAxis->setRange(firstYear - 0.5, ind.targetYear + 0.5);
  const double margin = std::max(std::abs(hi - lo) * 0.15, std::abs(hi) * 0.05 + 0.5);
  mPlot->yAxis->setRange(any ? lo - margin : 0, any ? hi + margin : 1);
  mPlot->yAxis->setLabel(ind.unit);
  mPlot->replot();
}

void IndicatorChart::noteWhyNoPath(const indicators::Indicator& ind, const std::map<int, double>& series) {
  const indicators::Status status = indicators::progressOf(ind, series.rbegin()->first, series).status;
  QString text;
  if (status == indicators::Status::NoBaseline) text = tr("No baseline in the plan: no expected path, no on-track status");
  if (status == indicators::Status::Unconfirmed) text = tr("To be confirmed: %1").arg(ind.doubt);
  if (text.isEmpty()) return;
  auto* note = new QCPItemText(mPlot);
  note->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
  note->position->setType(QCPItemPosition::ptAxisRectRatio);
  note->position->setAxisRect(mPlot->axisRect());
  note->position->setCoords(0.98, 0.03);
  note->setText(QFontMetrics(note->font()).elidedText(text, Qt::ElideRight, std::max(200, mPlot->width() * 2 / 3)));
  note->setColor(DashboardModel::statusColor(status).darker(180));
  note->setBrush(QBrush(QColor(255, 255, 255, 220)));
  note->setPadding(QMargins(4, 2, 4, 2));
}

bool IndicatorChart::save(const QString& path) {
  if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
    // A vector drawing: QCustomPlot paints through QCPPainter onto the SVG generator.
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(mPlot->size());
    svg.setViewBox(QRect(QPoint(0, 0), mPlot->size()));
    svg.setTitle(windowTitle());
    QCPPainter painter(&svg);
    mPlot->toPainter(&painter, mPlot->width(), mPlot->height());
    return painter.end() && QFileInfo(path).size() > 0;
  }
  return mPlot->savePng(path, 0, 0, 2.0);
}

void IndicatorChart::copyToClipboard() { QApplication::clipboard()->setPixmap(mPlot->toPixmap(0, 0, 2.0)); }

}  // namespace xiuhua::app
