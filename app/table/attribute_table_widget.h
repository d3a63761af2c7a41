#pragma once

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace xiuhua::app {

class AttributeTableModel;
class MapDocument;

// The attribute table of one layer: sort by clicking a header, filter by text in one or all
// fields, and a selection shared with the map both ways.
class AttributeTableWidget : public QWidget {
  Q_OBJECT

 public:
  explicit AttributeTableWidget(MapDocument* document, QWidget* parent = nullptr);
  void showLayer(const QString& layerId);
  const QString& layerId() const { return mLayerId; }
  QTableView* view() const { return mView; }
  QSortFilterProxyModel* proxy() const { return mProxy; }

 signals:
  void zoomToSelectionRequested(const QString& layerId);
  void sorted();  // a header-click sort has been applied

 private:
  void applyFilter();
  void scheduleFilter();
  void pushSelectionToDocument();
  void pullSelectionFromDocument(const QString& layerId);
  void updateCount();
  void sortBy(int column);

  MapDocument* mDocument;
  QString mLayerId;
  AttributeTableModel* mModel;
  QSortFilterProxyModel* mProxy;
  QTableView* mView;
  QLineEdit* mFilter;
  QComboBox* mFilterField;
  QLabel* mCount;
  bool mSyncing = false;
  class QTimer* mFilterTimer;
  int mSortColumn = -1;
  Qt::SortOrder mSortOrder = Qt::AscendingOrder;
  std::shared_ptr<std::atomic<bool>> mSortCancel;  // the sort in flight, if any
};

}  // namespace xiuhua::app
