#include "edit/conflict_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xiuhua::app {

// Mine (red, dashed) and theirs (blue) drawn over each other, scaled to both.
class GeometryComparison : public QWidget {
 public:
  explicit GeometryComparison(QWidget* parent) : QWidget(parent) { setMinimumSize(220, 180); }
  void show(const std::optional<gis::EditedFeature>& mine, const std::optional<gis::EditedFeature>& theirs) {
    mMine = mine ? mine->geometry : gis::Geometry();
    mTheirs = theirs ? theirs->geometry : gis::Geometry();
    update();
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (mMine.isEmpty() && mTheirs.isEmpty()) return;
    QRectF box = mMine.boundingBox() | mTheirs.boundingBox();
    box = box.marginsAdded(QMarginsF(box.width() * 0.1 + 1, box.height() * 0.1 + 1, box.width() * 0.1 + 1, box.height() * 0.1 + 1));
    const double scale = std::min((width() - 20) / box.width(), (height() - 56) / box.height());
    auto toScreen = [&](const QPointF& q) {
      return QPointF(10 + (q.x() - box.left()) * scale, height() - 46 - (q.y() - box.top()) * scale);
    };
    auto draw = [&](const gis::Geometry& g, const QColor& color, Qt::PenStyle style) {
      p.setPen(QPen(color, 2, style));
      p.setBrush(QColor(color.red(), color.green(), color.blue(), 40));
      for (const gis::Geometry::Part& part : g.parts()) {
        for (const auto& ring : part) {
          QPolygonF screen;
          for (const QPointF& q : ring) screen << toScreen(q);
          if (g.type() == gis::Geometry::Type::Point) {
            for (const QPointF& q : screen) p.drawEllipse(q, 5, 5);
          } else if (g.type() == gis::Geometry::Type::Line) {
            p.drawPolyline(screen);
          } else {
            p.drawPolygon(screen);
          }
        }
      }
    };
    p.setRenderHint(QPainter::Antialiasing);
    draw(mTheirs, QColor(0x1f, 0x5f, 0xbf), Qt::SolidLine);
    draw(mMine, QColor(0xc6, 0x28, 0x28), Qt::DashLine);
    p.setPen(palette().text().color());
    p.drawText(QRectF(8, height() - 40, width() - 16, 36), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
               tr("red, dashed: yours\nblue: theirs (in the database now)"));
  }

 private:
  gis::Geometry mMine;
  gis::Geometry mTheirs;
};

ConflictDialog::ConflictDialog(gis::EditBuffer* buffer, const QString& layerName, QWidget* parent)
    : QDialog(parent),
      mBuffer(buffer),
      mList(new QListWidget(this)),
      mFields(new QTableWidget(this)),
      mGeometry(new GeometryComparison(this)),
      mMessage(new QLabel(this)),
      mKeep(new QPushButton(tr("Keep &theirs"), this)),
      mMine(new QPushButton(tr("Take &mine"), this)),
      mMerge(new QPushButton(tr("M&erge as chosen"), this)),
      mSaveAgain(new QPushButton(tr("&Save again"), this)) {
  setWindowTitle(tr("Edits of %1 meet other users' changes").arg(layerName));
  setObjectName(QStringLiteral("conflictDialog"));
  auto* intro = new QLabel(tr("Nothing was saved and nothing was overwritten. Other users changed these features after you read "
                              "them: compare, then keep theirs, take yours, or merge field by field. Your other edits are saved "
                              "with the next save."),
                           this);
  intro->setWordWrap(true);
  mMessage->setWordWrap(true);
  mFields->setColumnCount(4);
  mFields->setHorizontalHeaderLabels({tr("Field"), tr("Yours"), tr("Theirs"), tr("Use")});
  mFields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  mFields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  mFields->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
  mFields->verticalHeader()->hide();
  mFields->setEditTriggers(QAbstractItemView::NoEditTriggers);

  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(mMessage);
  auto* compare = new QHBoxLayout;
  compare->addWidget(mFields, 3);
  compare->addWidget(mGeometry, 2);
  rightLayout->addLayout(compare, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(mKeep);
  buttons->addWidget(mMine);
  buttons->addWidget(mMerge);
  buttons->addStretch();
  rightLayout->addLayout(buttons);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(mList);
  splitter->addWidget(right);
  splitter->setStretchFactor(1, 3);
  splitter->setSizes({260, 640});

  auto* box = new QDialogButtonBox(this);
  box->addButton(mSaveAgain, QDialogButtonBox::AcceptRole);
  box->addButton(QDialogButtonBox::Cancel);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(splitter, 1);
  layout->addWidget(box);
  resize(900, 520);

  connect(mList, &QListWidget::currentRowChanged, this, &ConflictDialog::showConflict);
  connect(mKeep, &QPushButton::clicked, this, &ConflictDialog::keepTheirs);
  connect(mMine, &QPushButton::clicked, this, &ConflictDialog::takeMine);
  connect(mMerge, &QPushButton::clicked, this, &ConflictDialog::merge);
  connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
  refresh();
}

void ConflictDialog::refresh() {
  mList->clear();
  for (const gis::EditConflict& c : mBuffer->conflicts()) {
    const QString kind = c.kind == gis::EditConflict::Kind::ChangedByOther ? tr("changed by another user")
                         : c.kind == gis::EditConflict::Kind::DeletedByOther ? tr("deleted by another user")
                                                                             : tr("refused by the server");
    mList->addItem(tr("Feature %1: %2").arg(c.fid).arg(kind));
  }
  mSaveAgain->setEnabled(mBuffer->conflicts().empty());
  if (mList->count() > 0) {
    mList->setCurrentRow(0);
  } else {
    mFields->setRowCount(0);
    mGeometry->show(std::nullopt, std::nullopt);
    mMessage->setText(tr("Every conflict is settled: save again to write your edits."));
    for (QPushButton* b : {mKeep, mMine, mMerge}) b->setEnabled(false);
  }
}

void ConflictDialog::showConflict(int row) {
  if (row < 0 || row >= static_cast<int>(mBuffer->conflicts().size())) return;
  const gis::EditConflict& c = mBuffer->conflicts()[static_cast<std::size_t>(row)];
  mMessage->setText(c.message);
  const auto& fields = mBuffer->base().fields;
  mFields->setRowCount(static_cast<int>(fields.size()));
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const int r = static_cast<int>(i);
    const QString mine = c.mine && i < c.mine->attributes.size() ? c.mine->attributes[i].toString() : tr("(deleted)");
    const QString theirs = c.theirs && i < c.theirs->attributes.size() ? c.theirs->attributes[i].toString() : tr("(deleted)");
    mFields->setItem(r, 0, new QTableWidgetItem(fields[i].name));
    mFields->setItem(r, 1, new QTableWidgetItem(mine));
    mFields->setItem(r, 2, new QTableWidgetItem(theirs));
    mFields->item(r, 1)->setToolTip(mine);
    mFields->item(r, 2)->setToolTip(theirs);
    auto* use = new QComboBox(mFields);
    use->addItems({tr("yours"), tr("theirs")});
    mFields->setCellWidget(r, 3, use);
    if (mine != theirs) {
      for (int column : {1, 2}) mFields->item(r, column)->setBackground(QColor(0xff, 0xf1, 0xc2));
    }
  }
  mGeometry->show(c.mine, c.theirs);
  const bool refused = c.kind == gis::EditConflict::Kind::Refused;
  mKeep->setEnabled(true);
  mMine->setEnabled(!refused);
  mMerge->setEnabled(!refused && c.mine.has_value() && c.theirs.has_value());
}

QString ConflictDialog::cell(int row, int column) const {
  if (column == 3) {
    auto* use = qobject_cast<QComboBox*>(mFields->cellWidget(row, 3));
    return use != nullptr ? use->currentText() : QString();
  }
  const QTableWidgetItem* item = mFields->item(row, column);
  return item != nullptr ? item->text() : QString();
}

void ConflictDialog::chooseTheirs(int fieldRow) {
  if (auto* use = qobject_cast<QComboBox*>(mFields->cellWidget(fieldRow, 3))) use->setCurrentIndex(1);
}

int ConflictDialog::remaining() const { return static_cast<int>(mBuffer->conflicts().size()); }

void ConflictDialog::keepTheirs() { settle(gis::ConflictResolution::KeepTheirs); }
void ConflictDialog::takeMine() { settle(gis::ConflictResolution::TakeMine); }
void ConflictDialog::merge() { settle(gis::ConflictResolution::Merge); }

void ConflictDialog::settle(gis::ConflictResolution how) {
  const int row = mList->currentRow();
  if (row < 0 || row >= static_cast<int>(mBuffer->conflicts().size())) return;
  const gis::EditConflict c = mBuffer->conflicts()[static_cast<std::size_t>(row)];
  gis::AttributeRow merged;
  if (how == gis::ConflictResolution::Merge && c.mine && c.theirs) {
    for (std::size_t i = 0; i < c.mine->attributes.size(); ++i) {
      const bool theirs = cell(static_cast<int>(i), 3) == tr("theirs");
      merged.push_back(theirs && i < c.theirs->attributes.size() ? c.theirs->attributes[i] : c.mine->attributes[i]);
    }
  }
  if (gis::Status s = mBuffer->resolve(c.fid, how, merged); !s) {
    mMessage->setText(s.error().message);
    return;
  }
  refresh();
}

}  // namespace xiuhua::app
