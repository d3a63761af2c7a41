#pragma once

#include "xiuhua/indicators/catalog.h"
#include "xiuhua/indicators/progress.h"
#include "xiuhua/indicators/value_store.h"

#include <QAbstractItemModel>

#include <map>
#include <set>
#include <vector>

namespace xiuhua::app {

// The indicator dashboard's rows, grouped as the plan groups them: a heading row per category
// (in plan order) with one child row per indicator, showing its latest value up to the chosen
// year, progress and status. A thin adapter over data loaded by the dashboard (it never touches
// the database itself).
class DashboardModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { Code, Name, Baseline, Target, Latest, Progress, Status, Nature, Responsible, ColumnCount };
  static constexpr int kStatusRole = Qt::UserRole + 1;       // indicators::Status as int
  static constexpr int kProgressRole = Qt::UserRole + 2;     // double percent, or invalid
  static constexpr int kResponsibleRole = Qt::UserRole + 3;  // QStringList
  static constexpr int kCodeRole = Qt::UserRole + 4;         // the indicator code; empty on headings
  static constexpr int kStaleRole = Qt::UserRole + 5;        // why its value is stale; empty when current

  explicit DashboardModel(QObject* parent = nullptr);

  // series: per indicator code, the latest value of each year (district level); assessments: the
  // hand-assessed status of qualitative targets, by code.
  // synthetic: per code, the years whose value is synthetic (invented for a demonstration).
  void setData(indicators::Catalog catalog, std::map<QString, std::map<int, double>> series, int year,
               std::map<QString, indicators::Assessment> assessments = {}, std::map<QString, std::set<int>> synthetic = {});
  // Indicators whose computed value no longer matches their layers (code → why), shown beside
  // their status until computed again.
  void setStale(std::map<QString, QString> reasons);
  const std::map<QString, QString>& stale() const { return mStale; }
  // The indicator of a row, or nullptr for a category heading (or an invalid index).
  const indicators::Indicator* indicatorAt(const QModelIndex& index) const;
  // The row of an indicator (column 0), or an invalid index.
  QModelIndex indexOf(const QString& code, int column = 0) const;
  const indicators::Catalog& catalog() const { return mCatalog; }
  const std::map<int, double>& seriesOf(const QString& code) const;
  const std::set<int>& syntheticYearsOf(const QString& code) const;
  int year() const { return mYear; }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

  static QColor statusColor(indicators::Status status);
  static QString natureText(indicators::Nature nature);  // 约束性 / 预期性 / 未注明, translated
  // What a status means for this row: how to add a baseline, the doubt and its evidence, the
  // confirmation, the sum over the plan period of a per-year target.
  static QString statusToolTip(const indicators::Indicator& ind, const indicators::Progress& progress);

 private:
  struct Row {
    std::optional<std::pair<int, double>> latest;
    indicators::Progress progress;
    std::optional<indicators::Assessment> assessment;
  };
  struct Group {
    QString category;
    std::vector<std::size_t> members;  // positions in mCatalog.indicators
  };
  QVariant headingData(const Group& group, int column, int role) const;
  QVariant indicatorData(const indicators::Indicator& ind, const Row& row, int column, int role) const;

  indicators::Catalog mCatalog;
  std::map<QString, std::map<int, double>> mSeries;
  std::map<QString, std::set<int>> mSynthetic;
  std::vector<Row> mRows;  // parallel to mCatalog.indicators
  std::vector<Group> mGroups;
  int mYear = 0;
  std::map<QString, QString> mStale;
};

}  // namespace xiuhua::app
