#include "indicators/dashboard_model.h"

#include "report/status_colors.h"
#include "xiuhua/indicators/progress.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace xiuhua::app {
namespace {

QString formatNumber(const std::optional<double>& v, const QString& unit) {
  if (!v) return {};
  return QStringLiteral("%1 %2").arg(QLocale().toString(*v, 'g', 6), unit);
}

}  // namespace

DashboardModel::DashboardModel(QObject* parent) : QAbstractItemModel(parent) {}

QString DashboardModel::natureText(indicators::Nature nature) {
  switch (nature) {
    case indicators::Nature::Binding: return tr("Binding");
    case indicators::Nature::Expected: return tr("Expected");
    case indicators::Nature::Unstated: return tr("Not stated");
  }
  return {};
}

QString DashboardModel::statusToolTip(const indicators::Indicator& ind, const indicators::Progress& progress) {
  QString tip = indicators::statusAdvice(progress.status);
  if (progress.status == indicators::Status::Unconfirmed) {
    tip = tr("%1\nDoubt: %2\nThe plan: “%3”").arg(tip, ind.doubt, ind.doubtEvidence);
  }
  if (ind.confirmation) {
    const QString confirmed = tr("Confirmed by %1 on %2: %3")
                                  .arg(ind.confirmation->author, QLocale().toString(ind.confirmation->time.toLocalTime().date()),
                                       ind.confirmation->reason);
    tip = tip.isEmpty() ? confirmed : tip + QLatin1Char('\n') + confirmed;
  }
  if (progress.periodTotal && progress.periodExpected) {
    const QString sum = tr("Over the plan period so far: %1 of the %2 the plan asks for by now.")
                            .arg(formatNumber(progress.periodTotal, ind.unit), formatNumber(progress.periodExpected, ind.unit));
    tip = tip.isEmpty() ? sum : tip + QLatin1Char('\n') + sum;
  }
  return tip;
}

QColor DashboardModel::statusColor(indicators::Status status) { return app::statusColor(status); }

void DashboardModel::setData(indicators::Catalog catalog, std::map<QString, std::map<int, double>> series, int year,
                             std::map<QString, indicators::Assessment> assessments, std::map<QString, std::set<int>> synthetic) {
  beginResetModel();
  mCatalog = std::move(catalog);
  mSeries = std::move(series);
  mSynthetic = std::move(synthetic);
  mYear = year;
  mRows.clear();
  mGroups.clear();
  for (std::size_t i = 0; i < mCatalog.indicators.size(); ++i) {
    const indicators::Indicator& ind = mCatalog.indicators[i];
    Row row;
    for (const auto& [y, v] : seriesOf(ind.code)) {
      if (y <= year) row.latest = std::pair{y, v};
    }
    row.progress = indicators::progressOf(ind, year, seriesOf(ind.code));
    if (const auto a = assessments.find(ind.code); a != assessments.end() && ind.isQualitative()) {
      row.assessment = a->second;
      row.progress.status = a->second.status;
    }
    mRows.push_back(row);
    // Categories in the order the plan first names them.
    auto group = std::find_if(mGroups.begin(), mGroups.end(), [&](const Group& g) { return g.category == ind.category; });
    if (group == mGroups.end()) group = mGroups.insert(mGroups.end(), Group{ind.category, {}});
    group->members.push_back(i);
  }
  endResetModel();
}

const indicators::Indicator* DashboardModel::indicatorAt(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this || index.internalId() == 0) return nullptr;
  const Group& group = mGroups[index.internalId() - 1];
  return &mCatalog.indicators[group.members[static_cast<std::size_t>(index.row())]];
}

QModelIndex DashboardModel::indexOf(const QString& code, int column) const {
  for (std::size_t g = 0; g < mGroups.size(); ++g) {
    const std::vector<std::size_t>& members = mGroups[g].members;
    for (std::size_t r = 0; r < members.size(); ++r) {
      if (mCatalog.indicators[members[r]].code == code) return createIndex(static_cast<int>(r), column, quintptr(g + 1));
    }
  }
  return {};
}

const std::map<int, double>& DashboardModel::seriesOf(const QString& code) const {
  static const std::map<int, double> kEmpty;
  const auto it = mSeries.find(code);
  return it == mSeries.end() ? kEmpty : it->second;
}

const std::set<int>& DashboardModel::syntheticYearsOf(const QString& code) const {
  static const std::set<int> kNone;
  const auto it = mSynthetic.find(code);
  return it == mSynthetic.end() ? kNone : it->second;
}

QModelIndex DashboardModel::index(int row, int column, const QModelIndex& parent) const {
  if (!hasIndex(row, column, parent)) return {};
  // Headings carry id 0; an indicator row carries its heading's position + 1.
  return parent.isValid() ? createIndex(row, column, quintptr(parent.row() + 1)) : createIndex(row, column, quintptr(0));
}

QModelIndex DashboardModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int DashboardModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(mGroups.size());
  if (parent.column() != 0 || parent.internalId() != 0) return 0;
  return static_cast<int>(mGroups[static_cast<std::size_t>(parent.row())].members.size());
}

int DashboardModel::columnCount(const QModelIndex&) const { return ColumnCount; }

Qt::ItemFlags DashboardModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  // Headings group rows; only indicators are selected (and entered, assessed, charted).
  return index.internalId() == 0 ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant DashboardModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  if (index.internalId() == 0) return headingData(mGroups[static_cast<std::size_t>(index.row())], index.column(), role);
  const Group& group = mGroups[index.internalId() - 1];
  const std::size_t i = group.members[static_cast<std::size_t>(index.row())];
  return indicatorData(mCatalog.indicators[i], mRows[i], index.column(), role);
}

QVariant DashboardModel::headingData(const Group& group, int column, int role) const {
  if (role == Qt::FontRole) {
    QFont font;
    font.setBold(true);
    return font;
  }
  if (column != Code) return {};
  if (role == Qt::DisplayRole) {
    int achieved = 0;
    for (std::size_t i : group.members) achieved += mRows[i].progress.status == indicators::Status::Achieved ? 1 : 0;
    const QString name = group.category.isEmpty() ? tr("(no category)") : group.category;
    return tr("%1 — %n indicator(s), %2 achieved", nullptr, static_cast<int>(group.members.size())).arg(name).arg(achieved);
  }
  if (role == Qt::ToolTipRole) return group.category;
  return {};
}

void DashboardModel::setStale(std::map<QString, QString> reasons) {
  if (reasons == mStale) return;
  mStale = std::move(reasons);
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
  for (int g = 0; g < rowCount(); ++g) {
    const QModelIndex heading = index(g, 0);
    if (rowCount(heading) > 0) emit dataChanged(index(0, 0, heading), index(rowCount(heading) - 1, ColumnCount - 1, heading));
  }
}

QVariant DashboardModel::indicatorData(const indicators::Indicator& ind, const Row& row, int column, int role) const {
  if (role == kCodeRole) return ind.code;
  const auto stale = mStale.find(ind.code);
  if (role == kStaleRole) return stale != mStale.end() ? stale->second : QString();
  if (stale != mStale.end() && (column == Status || column == Latest)) {
    if (role == Qt::ToolTipRole) return stale->second;
    if (role == Qt::FontRole) {
      QFont font;
      font.setItalic(true);
      return font;
    }
    if (role == Qt::DisplayRole && column == Status) return tr("Recompute · %1").arg(indicators::statusName(row.progress.status));
  }
  if (role == kStatusRole) return static_cast<int>(row.progress.status);
  if (role == kProgressRole) return row.progress.percent ? QVariant(*row.progress.percent) : QVariant();
  if (role == kResponsibleRole) return ind.responsible;
  if (role == Qt::BackgroundRole && column == Status) return QBrush(statusColor(row.progress.status).lighter(150));
  if (role == Qt::ToolTipRole && column == Name) return ind.nameEn + QStringLiteral("\n") + ind.planRef;
  const bool synthetic = row.latest && syntheticYearsOf(ind.code).count(row.latest->first) > 0;
  if (role == Qt::ToolTipRole && column == Latest && synthetic) {
    return tr("SYNTHETIC: a value invented for the demonstration, not an official figure.");
  }
  if (role == Qt::ForegroundRole && column == Latest && synthetic) return QBrush(QColor(0x70, 0x70, 0x70));
  if (role == Qt::ToolTipRole && column == Status && row.assessment) {
    return tr("Assessed for %1 by %2: %3").arg(row.assessment->year).arg(row.assessment->author, row.assessment->reason);
  }
  if (role == Qt::ToolTipRole && column == Status) return statusToolTip(ind, row.progress);
  if (role == Qt::ToolTipRole && column == Target && !ind.quote.isEmpty()) return tr("%1: “%2”").arg(ind.planRef, ind.quote);
  if (role != Qt::DisplayRole) return {};
  switch (column) {
    case Code: return ind.code;
    case Name: return ind.nameZh;
    case Baseline:
      if (!ind.baselineValue) {
        if (const auto start = indicators::pathStart(ind)) return tr("0 at the start (end of %1)").arg(start->first);  // a total over the period
        return ind.isQualitative() || ind.isPerYear() ? QString() : tr("none in the plan");
      }
      return ind.baselineYear ? tr("%1 (%2)").arg(formatNumber(ind.baselineValue, ind.unit)).arg(*ind.baselineYear)
                              : formatNumber(ind.baselineValue, ind.unit);
    case Target: return indicators::targetSummary(ind);
    case Latest: {
      if (!row.latest) return tr("No data");
      const QString text = QStringLiteral("%1 (%2)").arg(formatNumber(row.latest->second, ind.unit)).arg(row.latest->first);
      return synthetic ? tr("%1 · synthetic").arg(text) : text;
    }
    case Progress:
      if (row.progress.percent) return QStringLiteral("%1%").arg(*row.progress.percent, 0, 'f', 1);
      if (row.progress.remaining && *row.progress.remaining > 0) return tr("%1 to go").arg(formatNumber(row.progress.remaining, ind.unit));
      return QString();
    case Status: return indicators::statusName(row.progress.status);
    case Nature: return natureText(ind.nature);
    case Responsible: return ind.responsible.join(QStringLiteral("、"));
    default: return {};
  }
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Code: return tr("Code");
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
