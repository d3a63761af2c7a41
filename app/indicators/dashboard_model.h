#pragma once

#include "xiuhua/indicators/catalog.h"
#include "xiuhua/indicators/progress.h"
#include "xiuhua/indicators/value_store.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace xiuhua::app {

// The indicator dashboard's rows: one per indicator of the project's catalog, with its latest
// value up to the chosen year, progress and status. A thin adapter over data loaded by the
// dashboard (it never touches the database itself).
class DashboardModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Code, Category, Name, Baseline, Target, Latest, Progress, Status, Nature, Responsible, ColumnCount };
  static constexpr int kStatusRole = Qt::UserRole + 1;       // indicators::Status as int
  static constexpr int kProgressRole = Qt::UserRole + 2;     // double percent, or invalid
  static constexpr int kResponsibleRole = Qt::UserRole + 3;  // QStringList

  explicit DashboardModel(QObject* parent = nullptr);

  // series: per indicator code, the latest value of each year (district level); assessments: the
  // hand-assessed status of qualitative targets, by code.
  void setData(indicators::Catalog catalog, std::map<QString, std::map<int, double>> series, int year,
               std::map<QString, indicators::Assessment> assessments = {});
  const indicators::Indicator* indicatorAt(int row) const;
  const std::map<int, double>& seriesOf(const QString& code) const;
  int year() const { return mYear; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  static QColor statusColor(indicators::Status status);

 private:
  struct Row {
    std::optional<std::pair<int, double>> latest;
    indicators::Progress progress;
    std::optional<indicators::Assessment> assessment;
  };
  indicators::Catalog mCatalog;
  std::map<QString, std::map<int, double>> mSeries;
  std::vector<Row> mRows;
  int mYear = 0;
};

}  // namespace xiuhua::app
