#include "dialogs/postgis_layer_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <variant>

namespace xiuhua::app {
namespace {

const QString kConnections = QStringLiteral("postgis/connections");

QStringList savedNames() {
  QSettings settings;
  settings.beginGroup(kConnections);
  return settings.childKeys();
}

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
      mSaved(new QComboBox(this)),
      mName(new QLineEdit(this)),
      mService(new QLineEdit(this)),
      mHost(new QLineEdit(this)),
      mPort(new QLineEdit(this)),
      mDatabase(new QLineEdit(this)),
      mUser(new QLineEdit(this)),
      mSslMode(new QComboBox(this)),
      mTest(new QPushButton(tr("&Test connection"), this)),
      mConnect(new QPushButton(tr("&List tables"), this)),
      mAdd(new QPushButton(tr("&Add to map"), this)),
      mStatus(new QLabel(this)),
      mTables(new QTreeWidget(this)) {
  setWindowTitle(tr("Add PostGIS layers"));
  setObjectName(QStringLiteral("postgisLayerDialog"));

  mSaved->addItem(tr("(new connection)"));
  mSaved->addItems(savedNames());
  mService->setPlaceholderText(tr("a service of pg_service.conf; or fill in the fields below"));
  mHost->setPlaceholderText(QStringLiteral("localhost"));
  mPort->setPlaceholderText(QStringLiteral("5432"));
  mSslMode->addItems({QStringLiteral("prefer"), QStringLiteral("disable"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                      QStringLiteral("verify-full")});
  mSslMode->setToolTip(tr("verify-full checks the server's certificate and name: what a district's IT department usually asks for"));

  auto* form = new QFormLayout;
  form->addRow(tr("Saved connection:"), mSaved);
  form->addRow(tr("Service:"), mService);
  form->addRow(tr("Host:"), mHost);
  form->addRow(tr("Port:"), mPort);
  form->addRow(tr("Database:"), mDatabase);
  form->addRow(tr("User:"), mUser);
  form->addRow(tr("SSL mode:"), mSslMode);
  auto* saveRow = new QHBoxLayout;
  auto* save = new QPushButton(tr("&Save connection"), this);
  saveRow->addWidget(mName, 1);
  saveRow->addWidget(save);
  mName->setPlaceholderText(tr("a name for this connection"));
  form->addRow(tr("Name:"), saveRow);
  auto* password = new QLabel(tr("Xiuhua keeps no password. The password comes from ~/.pgpass or the service file "
                                 "(pg_service.conf); the keyring is not supported yet."),
                              this);
  password->setWordWrap(true);
  password->setStyleSheet(QStringLiteral("color: palette(mid);"));
  form->addRow(password);
  auto* group = new QGroupBox(tr("Connection"), this);
  group->setLayout(form);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(mTest);
  buttons->addWidget(mConnect);
  buttons->addStretch();

  mStatus->setWordWrap(true);
  mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mStatus->setObjectName(QStringLiteral("postgisStatus"));

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
  layout->addWidget(group);
  layout->addLayout(buttons);
  layout->addWidget(mStatus);
  layout->addWidget(mTables, 1);
  layout->addWidget(box);
  resize(820, 640);

  connect(mSaved, &QComboBox::currentTextChanged, this, [this](const QString& name) {
    if (mSaved->currentIndex() > 0) loadSaved(name);
  });
  connect(mTest, &QPushButton::clicked, this, &PostgisLayerDialog::testConnection);
  connect(mConnect, &QPushButton::clicked, this, &PostgisLayerDialog::listTables);
  connect(save, &QPushButton::clicked, this, &PostgisLayerDialog::saveConnection);
  connect(mTables, &QTreeWidget::itemSelectionChanged, this, [this] { mAdd->setEnabled(!selectedSources().isEmpty()); });
  connect(mTables, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (item->parent() != nullptr) accept();
  });
  connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

gis::Result<gis::PgConnectionInfo> PostgisLayerDialog::connectionInfo() const {
  gis::PgConnectionInfo info;
  info.set(QStringLiteral("service"), mService->text().trimmed());
  info.set(QStringLiteral("host"), mHost->text().trimmed());
  info.set(QStringLiteral("port"), mPort->text().trimmed());
  info.set(QStringLiteral("dbname"), mDatabase->text().trimmed());
  info.set(QStringLiteral("user"), mUser->text().trimmed());
  if (mSslMode->currentText() != QLatin1String("prefer")) info.set(QStringLiteral("sslmode"), mSslMode->currentText());
  if (info.isEmpty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, tr("Give a service name, or at least the database and the user.")};
  }
  return gis::PgConnectionInfo::parse(info.toString());  // libpq's own reading, and no password
}

void PostgisLayerDialog::setConnection(const gis::PgConnectionInfo& info) {
  mService->setText(info.value(QStringLiteral("service")));
  mHost->setText(info.value(QStringLiteral("host")));
  mPort->setText(info.value(QStringLiteral("port")));
  mDatabase->setText(info.value(QStringLiteral("dbname")));
  mUser->setText(info.value(QStringLiteral("user")));
  const QString ssl = info.value(QStringLiteral("sslmode"));
  mSslMode->setCurrentText(ssl.isEmpty() ? QStringLiteral("prefer") : ssl);
}

void PostgisLayerDialog::loadSaved(const QString& name) {
  QSettings settings;
  settings.beginGroup(kConnections);
  auto info = gis::PgConnectionInfo::parse(settings.value(name).toString());
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  setConnection(info.value());
  mName->setText(name);
}

void PostgisLayerDialog::saveConnection() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  const QString name = mName->text().trimmed().isEmpty() ? info->displayName() : mName->text().trimmed();
  QSettings settings;
  settings.beginGroup(kConnections);
  settings.setValue(name, info->toString());  // parse() refused any password: none is written
  if (mSaved->findText(name) < 0) mSaved->addItem(name);
  mSaved->setCurrentText(name);
  setStatus(tr("The connection \"%1\" is saved (without password).").arg(name), true);
}

void PostgisLayerDialog::setBusy(bool busy, const QString& status) {
  mTest->setEnabled(!busy);
  mConnect->setEnabled(!busy);
  if (busy) {
    mStatus->setStyleSheet({});
    mStatus->setText(status);
  }
}

void PostgisLayerDialog::setStatus(const QString& text, bool ok) {
  mStatus->setStyleSheet(ok ? QStringLiteral("color: #1b7a2f;") : QStringLiteral("color: #b3261e;"));
  mStatus->setText(text);
}

void PostgisLayerDialog::testConnection() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    emit checked(false);
    return;
  }
  setBusy(true, tr("Connecting to %1…").arg(info->displayName()));
  auto* watcher = new QFutureWatcher<gis::PgConnectionCheck>(this);
  connect(watcher, &QFutureWatcher<gis::PgConnectionCheck>::finished, this, [this, watcher] {
    watcher->deleteLater();
    const gis::PgConnectionCheck c = watcher->result();
    setBusy(false);
    setStatus(c.message, c.ok());
    emit checked(c.ok());
  });
  const gis::PgConnectionInfo connection = info.value();
  watcher->setFuture(QtConcurrent::run([connection] { return gis::checkPgConnection(connection); }));
}

void PostgisLayerDialog::listTables() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    emit listed(-1);
    return;
  }
  setBusy(true, tr("Listing the tables of %1…").arg(info->displayName()));
  auto* watcher = new QFutureWatcher<Listing>(this);
  const gis::PgConnectionInfo connection = info.value();
  connect(watcher, &QFutureWatcher<Listing>::finished, this, [this, watcher, connection] {
    watcher->deleteLater();
    const Listing result = watcher->result();
    setBusy(false);
    if (const auto* why = std::get_if<QString>(&result)) {
      setStatus(*why, false);
      mTables->clear();
      emit listed(-1);
      return;
    }
    mListed = connection;
    const auto& tables = std::get<std::vector<gis::PgTableInfo>>(result);
    fillTables(tables);
    setStatus(tables.empty() ? tr("%1 has no table or view with a geometry column that this user may read.").arg(connection.displayName())
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

QString PostgisLayerDialog::statusText() const { return mStatus->text(); }

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
