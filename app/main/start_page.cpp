#include "main/start_page.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace xiuhua::app {

StartPage::StartPage(QWidget* parent) : QWidget(parent), mRecent(new QListWidget(this)), mDemo(new QPushButton(tr("Open the demo project"), this)),
      mPutuoDemo(new QPushButton(tr("Open the Putuo demo project"), this)) {
  setObjectName(QStringLiteral("startPage"));
  auto* title = new QLabel(tr("<h2>Xiuhua 绣花</h2><p>Open a project to see its map, its indicators and their reports.</p>"), this);
  title->setWordWrap(true);
  auto* recentLabel = new QLabel(tr("Recent projects"), this);
  mRecent->setObjectName(QStringLiteral("recentProjects"));
  mRecent->setAlternatingRowColors(true);
  auto* open = new QPushButton(tr("Open project…"), this);
  auto* add = new QPushButton(tr("Add layer…"), this);
  mDemo->setToolTip(tr("Jiading District with synthetic layers, the district plan's indicators and their history, copied to your documents"));
  mPutuoDemo->setToolTip(tr("Putuo District with synthetic layers: the plan's shares and per-capita figures (人均公园绿地面积, "
                            "年径流总量控制率 …) computed from the map"));
  auto* buttons = new QVBoxLayout;
  buttons->addWidget(mDemo);
  buttons->addWidget(mPutuoDemo);
  buttons->addWidget(open);
  buttons->addWidget(add);
  buttons->addStretch();
  auto* recent = new QVBoxLayout;
  recent->addWidget(recentLabel);
  recent->addWidget(mRecent, 1);
  auto* columns = new QHBoxLayout;
  columns->addLayout(recent, 3);
  columns->addLayout(buttons, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(40, 30, 40, 30);
  layout->addWidget(title);
  layout->addLayout(columns, 1);
  connect(mDemo, &QPushButton::clicked, this, &StartPage::openDemoRequested);
  connect(mPutuoDemo, &QPushButton::clicked, this, &StartPage::openPutuoDemoRequested);
  connect(open, &QPushButton::clicked, this, &StartPage::browseRequested);
  connect(add, &QPushButton::clicked, this, &StartPage::addLayersRequested);
  connect(mRecent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    if ((item->flags() & Qt::ItemIsEnabled) != 0) emit openRequested(item->data(Qt::UserRole).toString());
  });
}

void StartPage::setRecentProjects(const QStringList& paths) {
  mRecent->clear();
  for (const QString& path : paths) {
    const QFileInfo file(path);
    auto* item = new QListWidgetItem(mRecent);
    item->setData(Qt::UserRole, path);
    item->setToolTip(QDir::toNativeSeparators(path));
    if (file.exists()) {
      item->setText(tr("%1 — %2").arg(file.completeBaseName(), QDir::toNativeSeparators(file.absolutePath())));
    } else {
      item->setText(tr("%1 — %2 (missing)").arg(file.completeBaseName(), QDir::toNativeSeparators(file.absolutePath())));
      item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
  }
  if (paths.isEmpty()) {
    auto* none = new QListWidgetItem(tr("No project opened yet: start with the demo project."), mRecent);
    none->setFlags(Qt::NoItemFlags);
  }
}

void StartPage::setDemoAvailable(bool available) { mDemo->setEnabled(available); }
void StartPage::setPutuoDemoAvailable(bool available) { mPutuoDemo->setEnabled(available); }

}  // namespace xiuhua::app
