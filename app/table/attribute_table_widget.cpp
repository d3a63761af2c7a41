#include "table/attribute_table_widget.h"

#include "document/map_document.h"
#include "table/attribute_table_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace xiuhua::app {

AttributeTableWidget::AttributeTableWidget(MapDocument* document, QWidget* parent)
    : QWidget(parent), mDocument(document), mModel(new AttributeTableModel(this)),
      mProxy(new QSortFilterProxyModel(this)), mView(new QTableView(this)),
      mFilter(new QLineEdit(this)), mFilterField(new QComboBox(this)), mCount(new QLabel(this)) {
  mProxy->setSourceModel(mModel);
  mProxy->setSortRole(AttributeTableModel::kSortRole);
  mProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  mView->setModel(mProxy);
  mView->setSortingEnabled(true);
  mView->sortByColumn(-1, Qt::AscendingOrder);
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
  bar->addWidget(mCount);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(bar);
  layout->addWidget(mView);

  connect(mFilter, &QLineEdit::textChanged, this, &AttributeTableWidget::applyFilter);
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

void AttributeTableWidget::showLayer(const QString& layerId) {
  mLayerId = layerId;
  const LayerState* state = mDocument->layer(layerId);
  mModel->setData(state != nullptr ? state->data : nullptr);
  mFilterField->blockSignals(true);
  mFilterField->clear();
  mFilterField->addItem(tr("All fields"), -1);
  if (const gis::VectorData* data = mModel->layerData()) {
    for (std::size_t i = 0; i < data->fields.size(); ++i) {
      mFilterField->addItem(data->fields[i].name, static_cast<int>(i));
    }
  }
  mFilterField->blockSignals(false);
  applyFilter();
  mView->resizeColumnsToContents();
  pullSelectionFromDocument(layerId);
}

void AttributeTableWidget::applyFilter() {
  mProxy->setFilterKeyColumn(mFilterField->currentData().toInt());
  mProxy->setFilterFixedString(mFilter->text());
  updateCount();
}

void AttributeTableWidget::updateCount() {
  mCount->setText(tr("%1 of %2 features").arg(mProxy->rowCount()).arg(mModel->rowCount()));
}

void AttributeTableWidget::pushSelectionToDocument() {
  if (mSyncing || mLayerId.isEmpty()) return;
  std::vector<int> rows;
  for (const QModelIndex& index : mView->selectionModel()->selectedRows()) {
    rows.push_back(mProxy->mapToSource(index).row());
  }
  mSyncing = true;
  mDocument->setSelection(mLayerId, std::move(rows));
  mSyncing = false;
}

void AttributeTableWidget::pullSelectionFromDocument(const QString& layerId) {
  if (mSyncing || layerId != mLayerId) return;
  const LayerState* state = mDocument->layer(layerId);
  QItemSelection selection;
  if (state != nullptr && state->selection) {
    for (int row : *state->selection) {
      const QModelIndex index = mProxy->mapFromSource(mModel->index(row, 0));
      if (index.isValid()) selection.select(index, index);
    }
  }
  mSyncing = true;
  mView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  if (!selection.isEmpty()) mView->scrollTo(selection.indexes().front());
  mSyncing = false;
}

}  // namespace xiuhua::app
