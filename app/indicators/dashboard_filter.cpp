#include "indicators/dashboard_filter.h"

#include "indicators/dashboard_model.h"

namespace xiuhua::app {

DashboardFilter::DashboardFilter(QObject* parent) : QSortFilterProxyModel(parent) { setRecursiveFilteringEnabled(true); }

void DashboardFilter::setDepartment(const QString& department) {
  mDepartment = department;
  invalidateFilter();
}

void DashboardFilter::setNature(int nature) {
  mNature = nature;
  invalidateFilter();
}

void DashboardFilter::setStatus(int status) {
  mStatus = status;
  invalidateFilter();
}

void DashboardFilter::setSearch(const QString& text) {
  mSearch = text.trimmed();
  invalidateFilter();
}

bool DashboardFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const auto* model = qobject_cast<const DashboardModel*>(sourceModel());
  if (model == nullptr) return true;
  // A category heading is shown when one of its indicators is (recursive filtering), never on
  // its own.
  const indicators::Indicator* ind = model->indicatorAt(model->index(sourceRow, 0, sourceParent));
  if (ind == nullptr) return false;
  if (!mDepartment.isEmpty() && !ind->responsible.contains(mDepartment)) return false;
  if (mNature >= 0 && static_cast<int>(ind->nature) != mNature) return false;
  if (mStatus >= 0 && model->index(sourceRow, 0, sourceParent).data(DashboardModel::kStatusRole).toInt() != mStatus) return false;
  if (!mSearch.isEmpty()) {
    const QString haystack = ind->code + ind->nameZh + ind->nameEn + ind->category + ind->responsible.join(QString());
    if (!haystack.contains(mSearch, Qt::CaseInsensitive)) return false;
  }
  return true;
}

}  // namespace xiuhua::app
