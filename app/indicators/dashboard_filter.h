#pragma once

#include <QSortFilterProxyModel>

namespace xiuhua::app {

// Filters the dashboard's indicator rows (keeping the headings of those shown) by responsible department, 约束性/预期性, status and a search text.
class DashboardFilter : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit DashboardFilter(QObject* parent = nullptr);
  void setDepartment(const QString& department);  // empty: all
  void setNature(int nature);                     // -1: all, else indicators::Nature
  void setStatus(int status);                     // -1: all, else indicators::Status
  void setSearch(const QString& text);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QString mDepartment;
  int mNature = -1;
  int mStatus = -1;
  QString mSearch;
};

}  // namespace xiuhua::app
