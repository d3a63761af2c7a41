#include "indicators/dashboard_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace xiuhua::app {
namespace {

QString formatNumber(const std::optional<double>& v, const QString& unit) {
  if (!v) return {};
  return QStringLiteral("%1 %2").arg(QLocale().toString(*v, 'g', 6), unit);
}

}  // namespace

DashboardModel::DashboardModel(QObject* parent) : QAbstractTableModel(parent) {}

QColor DashboardModel::statusColor(indicators::Status status) {
  switch (status) {
    case indicators::Status::Achieved: return QColor(0x1a, 0x98, 0x50);
    case indicators::Status::OnTrack: return QColor(0x66, 0xbd, 0x63);
    case indicators::Status::Behind: return QColor(0xfd, 0xae, 0x61);
    case indicators::Status::SeverelyBehind: return QColor(0xd7, 0x30, 0x27);
    case indicators::Status::NoData: return QColor(0xbd, 0xbd, 0xbd);
    case indicators::Status::Manual: return QColor(0x74, 0xad, 0xd1);
  }
  return Qt::gray;
}

void DashboardModel::setData(indicators::Catalog catalog, std::map<QString, std::map<int, double>> series, int year,
                             std::map<QString, indicators::Assessment> assessments) {
  beginResetModel();
  mCatalog = std::move(catalog);
  mSeries = std::move(series);
  mYear = year;
  mRows.clear();
  for (const indicators::Indicator& ind : mCatalog.indicators) {
    Row row;
    for (const auto& [y, v] : seriesOf(ind.code)) {
      if (y <= year) row.latest = std::pair{y, v};
    }
    row.progress = indicators::computeProgress(ind, row.latest ? row.latest->first : year,
                                               row.latest ? std::optional(row.latest->second) : std::nullopt);
    if (const auto a = assessments.find(ind.code); a != assessments.end() && ind.isQualitative()) {
      row.assessment = a->second;
      row.progress.status = a->second.status;
    }
    mRows.push_back(row);
  }
  endResetModel();
}

const indicators::Indicator* DashboardModel::indicatorAt(int row) const {
  return row >= 0 && row < rowCount() ? &mCatalog.indicators[static_cast<std::size_t>(row)] : nullptr;
}

const std::map<int, double>& DashboardModel::seriesOf(const QString& code) const {
  static const std::map<int, double> kEmpty;
  const auto it = mSeries.find(code);
  return it == mSeries.end() ? kEmpty : it->second;
}

int DashboardModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(mCatalog.indicators.size());
}

int DashboardModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DashboardModel::data(const QModelIndex& index, int role) const {
  const indicators::Indicator* ind = indicatorAt(index.row());
  if (ind == nullptr || index.column() < 0 || index.column() >= ColumnCount) return {};
  const Row& row = mRows[static_cast<std::size_t>(index.row())];
  if (role == kStatusRole) return static_cast<int>(row.progress.status);
  if (role == kProgressRole) return row.progress.percent ? QVariant(*row.progress.percent) : QVariant();
  if (role == kResponsibleRole) return ind->responsible;
  if (role == Qt::BackgroundRole && index.column() == Status) return QBrush(statusColor(row.progress.status).lighter(150));
  if (role == Qt::ToolTipRole && index.column() == Name) return ind->nameEn + QStringLiteral("\n") + ind->planRef;
  if (role == Qt::ToolTipRole && index.column() == Status && row.assessment) {
    return tr("Assessed for %1 by %2: %3").arg(row.assessment->year).arg(row.assessment->author, row.assessment->reason);
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Code: return ind->code;
    case Category: return ind->category;
    case Name: return ind->nameZh;
    case Baseline:
      return ind->baselineValue ? tr("%1 (%2)").arg(formatNumber(ind->baselineValue, ind->unit)).arg(*ind->baselineYear)
                                : QString();
    case Target: {
      const QString value = formatNumber(ind->targetValue, ind->unit);
      const QString text = ind->targetText.isEmpty() || value.contains(ind->targetText) ? value
                           : value.isEmpty() ? ind->targetText
                                             : QStringLiteral("%1 (%2)").arg(value, ind->targetText);
      return QStringLiteral("%1 · %2").arg(text).arg(ind->targetYear);
    }
    case Latest:
      return row.latest ? QStringLiteral("%1 (%2)").arg(formatNumber(row.latest->second, ind->unit)).arg(row.latest->first)
                        : tr("No data");
    case Progress: return row.progress.percent ? QStringLiteral("%1%").arg(*row.progress.percent, 0, 'f', 1) : QString();
    case Status: return indicators::statusName(row.progress.status);
    case Nature: return ind->nature == indicators::Nature::Binding ? tr("Binding") : tr("Expected");
    case Responsible: return ind->responsible.join(QStringLiteral("、"));
    default: return {};
  }
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Code: return tr("Code");
    case Category: return tr("Category");
    case Name: return tr("Indicator");
    case Baseline: return tr("Baseline");
    case Target: return tr("Target");
    case Latest: return tr("Latest value");
    case Progress: return tr("Progress");
    case Status: return tr("Status");
    case Nature: return tr("Nature");
    case Responsible: return tr("Responsible");
    default: return {};
  }
}

}  // namespace xiuhua::app
