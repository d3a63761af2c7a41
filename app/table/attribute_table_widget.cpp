#include "table/attribute_table_widget.h"

#include "document/map_document.h"
#include "table/attribute_sort.h"
#include "table/attribute_table_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>
#include <QVBoxLayout>

#include <algorithm>

namespace xiuhua::app {

AttributeTableWidget::AttributeTableWidget(MapDocument* document, QWidget* parent)
    : QWidget(parent), mDocument(document), mModel(new AttributeTableModel(this)),
      mProxy(new QSortFilterProxyModel(this)), mView(new QTableView(this)),
      mFilter(new QLineEdit(this)), mFilterField(new QComboBox(this)), mCount(new QLabel(this)),
      mFilterTimer(new QTimer(this)), mCalculator(new QPushButton(tr("Field calculator…"), this)) {
  // Filtering a million rows takes a moment: wait until the user pauses typing.
  mFilterTimer->setSingleShot(true);
  mFilterTimer->setInterval(250);
  connect(mFilterTimer, &QTimer::timeout, this, &AttributeTableWidget::applyFilter);
  mProxy->setSourceModel(mModel);
  mProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  mView->setModel(mProxy);
  // Sorting a million rows takes seconds: it runs on a worker (sortBy), not in the proxy.
  mView->horizontalHeader()->setSortIndicatorShown(true);
  mView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  mView->horizontalHeader()->setSectionsClickable(true);
  connect(mView->horizontalHeader(), &QHeaderView::sectionClicked, this, &AttributeTableWidget::sortBy);
  mView->setSelectionBehavior(QAbstractItemView::SelectRows);
  mView->setAlternatingRowColors(true);
  mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  mView->verticalHeader()->setDefaultSectionSize(22);
  mView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  mFilter->setPlaceholderText(tr("Filter…"));
  mFilter->setClearButtonEnabled(true);
  auto* zoom = new QPushButton(tr("Zoom to selection"), this);
  auto* clear = new QPushButton(tr("Clear selection"), this);
  auto* bar = new QHBoxLayout;
  bar->addWidget(mFilterField);
  bar->addWidget(mFilter, 1);
  bar->addWidget(zoom);
  bar->addWidget(clear);
  bar->addWidget(mCalculator);
  mCalculator->setObjectName(QStringLiteral("fieldCalculatorButton"));
  mCalculator->setToolTip(tr("Set a field of many features at once from an expression (while the layer is edited)"));
  mCalculator->hide();
  connect(mCalculator, &QPushButton::clicked, this, [this] { emit fieldCalculatorRequested(mLayerId); });
  connect(mModel, &AttributeTableModel::editRefused, this, &AttributeTableWidget::editRefused);
  mView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
  bar->addWidget(mCount);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(bar);
  layout->addWidget(mView);

  connect(mFilter, &QLineEdit::textChanged, this, &AttributeTableWidget::scheduleFilter);
  connect(mFilterField, &QComboBox::currentIndexChanged, this, &AttributeTableWidget::applyFilter);
  connect(zoom, &QPushButton::clicked, this, [this] { emit zoomToSelectionRequested(mLayerId); });
  connect(clear, &QPushButton::clicked, this, [this] { mDocument->setSelection(mLayerId, {}); });
  connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &AttributeTableWidget::pushSelectionToDocument);
  connect(document, &MapDocument::selectionChanged, this, &AttributeTableWidget::pullSelectionFromDocument);
  connect(document, &MapDocument::layerLoaded, this, [this](const QString& id) {
    if (id == mLayerId) showLayer(id);
  });
  connect(document, &MapDocument::layersChanged, this, [this] {
    if (!mLayerId.isEmpty() && mDocument->layer(mLayerId) == nullptr) showLayer({});
  });
}

void AttributeTableWidget::setEditing(std::function<bool(const QString&)> isEdited, LayerEditHandler handler) {
  mIsEdited = std::move(isEdited);
  mEditHandler = std::move(handler);
  refreshEditing();
}

void AttributeTableWidget::refreshEditing() {
  const bool edited = mIsEdited && !mLayerId.isEmpty() && mIsEdited(mLayerId);
  if (edited != mModel->isEditable()) showLayer(mLayerId);
}

void AttributeTableWidget::showLayer(const QString& layerId) {
  // The same layer again (e.g. after an edit): stay where the planner was.
  const bool same = layerId == mLayerId;
  const int scrolled = mView->verticalScrollBar()->value();
  const int sortColumn = mSortColumn;
  const Qt::SortOrder sortOrder = mSortOrder;
  const int filterField = mFilterField->currentIndex();
  mLayerId = layerId;
  if (mSortCancel) mSortCancel->store(true);
  mSortColumn = -1;
  mView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  const LayerState* state = mDocument->layer(layerId);
  const bool edited = mIsEdited && !layerId.isEmpty() && mIsEdited(layerId);
  mCalculator->setVisible(edited);
  if (!edited) {
    mModel->setEditHandler({});
  } else {
    mModel->setEditHandler([this, layerId](qint64 fid, int field, const QVariant& value) { return mEditHandler(layerId, fid, field, value); });
  }
  mModel->setLayerData(state != nullptr ? state->data : nullptr);
  mFilterField->blockSignals(true);
  mFilterField->clear();
  mFilterField->addItem(tr("All fields"), -1);
  if (const gis::VectorData* data = mModel->layerData()) {
    for (std::size_t i = 0; i < data->fields.size(); ++i) {
      mFilterField->addItem(data->fields[i].name, static_cast<int>(i));
    }
  }
  if (same && filterField >= 0 && filterField < mFilterField->count()) mFilterField->setCurrentIndex(filterField);
  mFilterField->blockSignals(false);
  applyFilter();
  if (same) {
    // The same order again (sortBy turns the order round on a repeated column).
    if (sortColumn >= 0) {
      mSortColumn = sortOrder == Qt::DescendingOrder ? sortColumn : -1;
      mSortOrder = Qt::AscendingOrder;
      sortBy(sortColumn);
    }
    mView->verticalScrollBar()->setValue(scrolled);
  } else {
    mView->resizeColumnsToContents();
  }
  pullSelectionFromDocument(layerId);
}

void AttributeTableWidget::scheduleFilter() { mFilterTimer->start(); }

void AttributeTableWidget::applyFilter() {
  mFilterTimer->stop();
  // Rows the filter hides leave the view's selection; that is not the user deselecting them.
  mSyncing = true;
  mProxy->setFilterKeyColumn(mFilterField->currentData().toInt());
  mProxy->setFilterFixedString(mFilter->text());
  mSyncing = false;
  updateCount();
  pullSelectionFromDocument(mLayerId);
}

void AttributeTableWidget::updateCount() {
  mCount->setText(tr("%1 of %2 features").arg(mProxy->rowCount()).arg(mModel->rowCount()));
}

void AttributeTableWidget::sortBy(int column) {
  const gis::VectorData* data = mModel->layerData();
  if (data == nullptr) return;
  mSortOrder = column == mSortColumn && mSortOrder == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
  mSortColumn = column;
  mView->horizontalHeader()->setSortIndicator(column, mSortOrder);
  if (mSortCancel) mSortCancel->store(true);
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  mSortCancel = cancel;
  mCount->setText(tr("Sorting…"));
  const LayerState* state = mDocument->layer(mLayerId);
  std::shared_ptr<const gis::VectorData> shared = state != nullptr ? state->data : nullptr;
  if (!shared) return;
  const bool ascending = mSortOrder == Qt::AscendingOrder;
  auto* watcher = new QFutureWatcher<std::vector<int>>(this);
  connect(watcher, &QFutureWatcher<std::vector<int>>::finished, this, [this, watcher, cancel, shared] {
    watcher->deleteLater();
    if (cancel->load() || mModel->layerData() != shared.get()) return;  // superseded
    std::vector<int> order = watcher->result();
    if (order.empty() && !shared->attributes.empty()) return;
    mSyncing = true;
    mModel->setFeatureOrder(std::move(order));
    mSyncing = false;
    updateCount();
    pullSelectionFromDocument(mLayerId);
    emit sorted();
  });
  watcher->setFuture(QtConcurrent::run([shared, column, ascending, cancel] {
    return sortedFeatureOrder(*shared, column, ascending, cancel.get());
  }));
}

void AttributeTableWidget::pushSelectionToDocument() {
  if (mSyncing || mLayerId.isEmpty()) return;
  std::vector<int> rows;
  for (const QModelIndex& index : mView->selectionModel()->selectedRows()) {
    rows.push_back(mModel->featureAt(mProxy->mapToSource(index).row()));
  }
  mSyncing = true;
  mDocument->setSelection(mLayerId, std::move(rows));
  mSyncing = false;
}

void AttributeTableWidget::pullSelectionFromDocument(const QString& layerId) {
  if (mSyncing || layerId != mLayerId) return;
  const LayerState* state = mDocument->layer(layerId);
  // Proxy rows of the selected features, merged into contiguous ranges (one range per row would
  // make a large selection slow).
  std::vector<int> rows;
  if (state != nullptr && state->selection) {
    for (int feature : *state->selection) {
      const QModelIndex index = mProxy->mapFromSource(mModel->index(mModel->rowOfFeature(feature), 0));
      if (index.isValid()) rows.push_back(index.row());
    }
  }
  std::sort(rows.begin(), rows.end());
  QItemSelection selection;
  const int lastColumn = std::max(0, mProxy->columnCount() - 1);
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    selection.select(mProxy->index(rows[i], 0), mProxy->index(rows[j], lastColumn));
    i = j + 1;
  }
  mSyncing = true;
  mView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  if (!rows.empty()) mView->scrollTo(mProxy->index(rows.front(), 0));
  mSyncing = false;
}

}  // namespace xiuhua::app
