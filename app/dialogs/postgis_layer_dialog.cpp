#include "dialogs/postgis_layer_dialog.h"

#include "dialogs/pg_connection_box.h"

#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <variant>

namespace xiuhua::app {
namespace {

// What listing found: the tables, or the reason it could not.
using Listing = std::variant<std::vector<gis::PgTableInfo>, QString>;

Listing list(const gis::PgConnectionInfo& info) {
  auto connection = gis::PgConnection::open(info);
  if (!connection.ok()) return gis::checkPgConnection(info).message;  // why, in the user's terms
  auto tables = gis::pgGeometryTables(*connection.value());
  if (!tables.ok()) return tables.error().message;
  return std::move(tables).value();
}

}  // namespace

PostgisLayerDialog::PostgisLayerDialog(QWidget* parent)
    : QDialog(parent),
      mConnection(new PgConnectionBox(this)),
      mConnect(new QPushButton(tr("&List tables"), this)),
      mAdd(new QPushButton(tr("&Add to map"), this)),
      mTables(new QTreeWidget(this)) {
  setWindowTitle(tr("Add PostGIS layers"));
  setObjectName(QStringLiteral("postgisLayerDialog"));
  mConnection->addButton(mConnect);

  mTables->setHeaderLabels({tr("Table"), tr("Geometry"), tr("SRID"), tr("Rows (estimated)"), tr("Primary key"), tr("Note")});
  mTables->setSelectionMode(QAbstractItemView::ExtendedSelection);
  mTables->setRootIsDecorated(true);
  mTables->setAlternatingRowColors(true);
  mTables->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mTables->header()->setStretchLastSection(true);

  auto* box = new QDialogButtonBox(this);
  box->addButton(mAdd, QDialogButtonBox::AcceptRole);
  box->addButton(QDialogButtonBox::Close);
  mAdd->setEnabled(false);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(mConnection);
  layout->addWidget(mTables, 1);
  layout->addWidget(box);
  resize(820, 640);

  connect(mConnection, &PgConnectionBox::checked, this, &PostgisLayerDialog::checked);
  connect(mConnect, &QPushButton::clicked, this, &PostgisLayerDialog::listTables);
  connect(mTables, &QTreeWidget::itemSelectionChanged, this, [this] { mAdd->setEnabled(!selectedSources().isEmpty()); });
  connect(mTables, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (item->parent() != nullptr) accept();
  });
  connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

gis::Result<gis::PgConnectionInfo> PostgisLayerDialog::connectionInfo() const { return mConnection->connectionInfo(); }

void PostgisLayerDialog::setConnection(const gis::PgConnectionInfo& info) { mConnection->setConnection(info); }

void PostgisLayerDialog::testConnection() { mConnection->testConnection(); }

void PostgisLayerDialog::saveConnection() { mConnection->saveConnection(); }

void PostgisLayerDialog::listTables() {
  auto info = connectionInfo();
  if (!info.ok()) {
    mConnection->setStatus(info.error().message, false);
    emit listed(-1);
    return;
  }
  mConnection->setBusy(true, tr("Listing the tables of %1…").arg(info->displayName()));
  auto* watcher = new QFutureWatcher<Listing>(this);
  const gis::PgConnectionInfo connection = info.value();
  connect(watcher, &QFutureWatcher<Listing>::finished, this, [this, watcher, connection] {
    watcher->deleteLater();
    const Listing result = watcher->result();
    mConnection->setBusy(false);
    if (const auto* why = std::get_if<QString>(&result)) {
      mConnection->setStatus(*why, false);
      mTables->clear();
      emit listed(-1);
      return;
    }
    mListed = connection;
    const auto& tables = std::get<std::vector<gis::PgTableInfo>>(result);
    fillTables(tables);
    mConnection->setStatus(tables.empty() ? tr("%1 has no table or view with a geometry column that this user may read.").arg(connection.displayName())
                             : tr("%1: %n tables and views with a geometry column.", nullptr, static_cast<int>(tables.size()))
                                   .arg(connection.displayName()),
              !tables.empty());
    emit listed(static_cast<int>(tables.size()));
  });
  watcher->setFuture(QtConcurrent::run([connection] { return list(connection); }));
}

void PostgisLayerDialog::fillTables(const std::vector<gis::PgTableInfo>& tables) {
  mTables->clear();
  QTreeWidgetItem* schema = nullptr;
  for (const gis::PgTableInfo& t : tables) {
    if (schema == nullptr || schema->text(0) != t.schema) {
      schema = new QTreeWidgetItem(mTables, {t.schema});
      schema->setFlags(Qt::ItemIsEnabled);
      schema->setExpanded(true);
    }
    const QString rows = t.estimatedRows ? QLocale().toString(*t.estimatedRows) : tr("not analysed");
    const QString type = t.isView ? tr("%1 (view)").arg(t.geometryType) : t.geometryType;
    const QString note = t.readOnlyReason().isEmpty() ? t.comment : tr("read-only: %1").arg(t.readOnlyReason());
    auto* item = new QTreeWidgetItem(schema, {t.table, type, t.srid == 0 ? tr("none") : QString::number(t.srid), rows,
                                              t.primaryKey.join(QStringLiteral(", ")), note});
    item->setData(0, Qt::UserRole, t.layerName());
    item->setToolTip(5, note);
    if (t.srid == 0) item->setToolTip(2, tr("No SRID declared: give the layer's CRS in its properties."));
  }
}

QStringList PostgisLayerDialog::selectedSources() const {
  QStringList out;
  for (const QTreeWidgetItem* item : mTables->selectedItems()) {
    const QString layer = item->data(0, Qt::UserRole).toString();
    if (!layer.isEmpty()) out << QStringLiteral("PG:%1|layername=%2").arg(mListed.toString(), layer);
  }
  return out;
}

QString PostgisLayerDialog::statusText() const { return mConnection->statusText(); }

int PostgisLayerDialog::tableCount() const {
  int n = 0;
  for (int i = 0; i < mTables->topLevelItemCount(); ++i) n += mTables->topLevelItem(i)->childCount();
  return n;
}

void PostgisLayerDialog::selectTable(const QString& layerName) {
  for (int i = 0; i < mTables->topLevelItemCount(); ++i) {
    QTreeWidgetItem* schema = mTables->topLevelItem(i);
    for (int j = 0; j < schema->childCount(); ++j) {
      if (schema->child(j)->data(0, Qt::UserRole).toString() == layerName) schema->child(j)->setSelected(true);
    }
  }
}

}  // namespace xiuhua::app
