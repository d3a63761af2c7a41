#include "indicators/indicator_chart.h"

#include "indicators/dashboard_model.h"
#include "xiuhua/indicators/progress.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <QVBoxLayout>

namespace xiuhua::app {

IndicatorChart::IndicatorChart(QWidget* parent) : QWidget(parent), mPlot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mPlot);
  mPlot->setMinimumHeight(220);
  mPlot->legend->setVisible(true);
  mPlot->legend->setFont(font());
  mPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

void IndicatorChart::clear() {
  mPlot->clearGraphs();
  mPlot->clearItems();
  mPlot->plotLayout()->setRowStretchFactor(0, 1);
  mPlot->replot();
}

void IndicatorChart::show(const indicators::Indicator& ind, const std::map<int, double>& series) {
  mPlot->clearGraphs();
  mPlot->clearItems();
  const int firstYear = ind.baselineYear.value_or(ind.targetYear - 5);
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
    target->setName(tr("Target %1").arg(*ind.targetValue));
    target->setPen(QPen(QColor(0xd7, 0x30, 0x27), 1.5, Qt::DashLine));
    target->setData({double(firstYear), double(ind.targetYear)}, {*ind.targetValue, *ind.targetValue});
    extend(*ind.targetValue);
    const double base = ind.baselineValue.value_or(ind.direction == indicators::Direction::Higher ? 0.0 : *ind.targetValue);
    if (ind.baselineValue || ind.direction == indicators::Direction::Higher) {
      QCPGraph* path = mPlot->addGraph();
      path->setName(tr("Expected path"));
      path->setPen(QPen(Qt::gray, 1.2, Qt::DotLine));
      path->setData({double(firstYear), double(ind.targetYear)}, {base, *ind.targetValue});
      extend(base);
    }
  }
  QCPGraph* values = mPlot->addGraph();
  values->setName(tr("Values (%1)").arg(ind.unit));
  values->setPen(QPen(QColor(0x21, 0x66, 0xac), 2));
  values->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 8));
  for (const auto& [year, value] : series) {
    values->addData(year, value);
    extend(value);
    // A dot in the status colour of that year's value.
    const indicators::Progress p = indicators::computeProgress(ind, year, value);
    auto* dot = new QCPItemEllipse(mPlot);
    dot->setPen(Qt::NoPen);
    dot->setBrush(DashboardModel::statusColor(p.status));
    dot->topLeft->setType(QCPItemPosition::ptPlotCoords);
    dot->bottomRight->setType(QCPItemPosition::ptPlotCoords);
    dot->topLeft->setCoords(year - 0.08, value + 0.02 * std::max(1.0, std::abs(hi - lo)));
    dot->bottomRight->setCoords(year + 0.08, value - 0.02 * std::max(1.0, std::abs(hi - lo)));
  }
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
