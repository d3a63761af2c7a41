#pragma once

#include <QVariant>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace xiuhua::app {

class AttributeTableModel;
class MapDocument;

// The attribute table of one layer: sort by clicking a header, filter by text in one or all
// fields, and a selection shared with the map both ways. While its layer is edited, cells are
// edited in place and a field calculator updates many at once.
class AttributeTableWidget : public QWidget {
  Q_OBJECT

 public:
  explicit AttributeTableWidget(MapDocument* document, QWidget* parent = nullptr);
  void showLayer(const QString& layerId);
  const QString& layerId() const { return mLayerId; }
  QTableView* view() const { return mView; }
  QSortFilterProxyModel* proxy() const { return mProxy; }
  AttributeTableModel* model() const { return mModel; }
  // Editing: which layers are being edited, and what takes a cell's edit (see
  // AttributeTableModel::EditHandler), given the layer id.
  using LayerEditHandler = std::function<std::optional<QString>(const QString& layerId, qint64 fid, int field, const QVariant& value)>;
  void setEditing(std::function<bool(const QString&)> isEdited, LayerEditHandler handler);
  // The table follows whether its layer is edited (cells editable, the calculator button).
  void refreshEditing();

 signals:
  void zoomToSelectionRequested(const QString& layerId);
  void sorted();  // a header-click sort has been applied
  void fieldCalculatorRequested(const QString& layerId);
  void editRefused(const QString& reason);

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
  QPushButton* mCalculator;
  std::function<bool(const QString&)> mIsEdited;
  LayerEditHandler mEditHandler;
  int mSortColumn = -1;
  Qt::SortOrder mSortOrder = Qt::AscendingOrder;
  std::shared_ptr<std::atomic<bool>> mSortCancel;  // the sort in flight, if any
};

}  // namespace xiuhua::app
