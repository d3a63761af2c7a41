#include "edit/geometry_check_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xiuhua::app {

QString GeometryCheckDialog::kindName(gis::GeometryIssue::Kind kind) {
  switch (kind) {
    case gis::GeometryIssue::Kind::Invalid: return tr("Invalid geometry");
    case gis::GeometryIssue::Kind::TooFewPoints: return tr("Too few points");
    case gis::GeometryIssue::Kind::RingOrientation: return tr("Ring orientation");
    case gis::GeometryIssue::Kind::DuplicateVertex: return tr("Duplicate vertex");
    case gis::GeometryIssue::Kind::Sliver: return tr("Sliver");
  }
  return {};
}

GeometryCheckDialog::GeometryCheckDialog(const std::vector<std::pair<qint64, gis::GeometryIssue>>& issues, std::vector<QPointF> mapPoints,
                                         const QString& layerName, QWidget* parent)
    : QDialog(parent), mTable(new QTableWidget(static_cast<int>(issues.size()), 3, this)), mPoints(std::move(mapPoints)) {
  setWindowTitle(tr("Geometry check"));
  setObjectName(QStringLiteral("geometryCheckDialog"));
  mTable->setHorizontalHeaderLabels({tr("Feature"), tr("Problem"), tr("Reason")});
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->verticalHeader()->hide();
  mTable->horizontalHeader()->setStretchLastSection(true);
  for (int row = 0; row < static_cast<int>(issues.size()); ++row) {
    const auto& [fid, issue] = issues[static_cast<std::size_t>(row)];
    mTable->setItem(row, 0, new QTableWidgetItem(fid < 0 ? tr("new (%1)").arg(-fid) : QString::number(fid)));
    mTable->setItem(row, 1, new QTableWidgetItem(kindName(issue.kind)));
    mTable->setItem(row, 2, new QTableWidgetItem(issue.reason));
  }
  mTable->resizeColumnsToContents();
  connect(mTable, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row >= 0 && static_cast<std::size_t>(row) < mPoints.size()) emit showRequested(mPoints[static_cast<std::size_t>(row)]);
  });
  auto* buttons = new QDialogButtonBox(this);
  QPushButton* repair = buttons->addButton(tr("Repair and save"), QDialogButtonBox::AcceptRole);
  QPushButton* keep = buttons->addButton(tr("Keep and save"), QDialogButtonBox::DestructiveRole);
  buttons->addButton(QDialogButtonBox::Cancel);
  repair->setObjectName(QStringLiteral("repairButton"));
  keep->setObjectName(QStringLiteral("keepButton"));
  connect(repair, &QPushButton::clicked, this, [this] { done(static_cast<int>(Choice::Repair)); });
  connect(keep, &QPushButton::clicked, this, [this] { done(static_cast<int>(Choice::Keep)); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("%n problem(s) in the edited features of %1 (marked on the map). Repair them with GEOS, keep them "
                                  "on purpose, or go back to editing.",
                                  nullptr, static_cast<int>(issues.size()))
                                   .arg(layerName),
                               this));
  layout->addWidget(mTable, 1);
  layout->addWidget(buttons);
  resize(640, 320);
}

}  // namespace xiuhua::app
