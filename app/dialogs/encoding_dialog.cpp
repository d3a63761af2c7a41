#include "dialogs/encoding_dialog.h"

#include "xiuhua/gis/text_encoding.h"
#include "xiuhua/gis/vector_reader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xiuhua::app {
namespace {

constexpr int kPreviewRows = 40;

// The bytes a text was decoded from (exact for what the detector picks: it decodes cleanly).
QByteArray bytesOf(const QString& text, const QString& readAs) { return gis::encodeText(text, readAs); }

}  // namespace

QStringList encodingChoices(const gis::TextEncoding& detected) {
  QStringList out;
  for (const gis::EncodingCandidate& c : detected.candidates) out << c.name;
  for (const char* name : {"GB18030", "UTF-8", "CP950", "CP932", "EUC-KR", "EUC-JP", "CP1252", "ISO-8859-1", "ISO-8859-2", "CP1250",
                           "CP1251", "KOI8-R", "CP1253", "CP1254", "CP874"}) {
    const QString n = QString::fromLatin1(name);
    if (!out.contains(n)) out << n;
  }
  return out;
}

EncodingDialog::EncodingDialog(std::shared_ptr<const gis::VectorData> data, QWidget* parent)
    : QDialog(parent), mData(std::move(data)), mLeft(new QComboBox(this)), mRight(new QComboBox(this)), mTable(new QTableWidget(this)) {
  setWindowTitle(tr("Text encoding — %1").arg(mData->layerName));
  resize(760, 560);
  const gis::TextEncoding& e = mData->encoding;
  QString intro = tr("%1 declares no encoding Xiuhua can trust. It was read as %2; compare it with another reading and take the one "
                     "whose text is right.")
                      .arg(mData->path, gis::encodingDisplayName(e.name));
  if (e.source == gis::EncodingSource::Detected) intro += QLatin1Char(' ') + tr("(Detected with confidence %1 %.)").arg(e.confidence);
  auto* label = new QLabel(intro, this);
  label->setWordWrap(true);
  label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  for (const QString& name : encodingChoices(e)) {
    mLeft->addItem(gis::encodingDisplayName(name), name);
    mRight->addItem(gis::encodingDisplayName(name), name);
  }
  mTable->setColumnCount(2);
  mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* useLeft = new QPushButton(tr("Use this reading"), this);
  auto* useRight = new QPushButton(tr("Use this reading"), this);
  useLeft->setObjectName(QStringLiteral("useLeft"));
  useRight->setObjectName(QStringLiteral("useRight"));
  auto* grid = new QGridLayout;
  grid->addWidget(mLeft, 0, 0);
  grid->addWidget(mRight, 0, 1);
  grid->addWidget(mTable, 1, 0, 1, 2);
  grid->addWidget(useLeft, 2, 0);
  grid->addWidget(useRight, 2, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(label);
  layout->addLayout(grid, 1);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(useLeft, &QPushButton::clicked, this, [this] {
    mChosen = mLeft->currentData().toString();
    accept();
  });
  connect(useRight, &QPushButton::clicked, this, [this] {
    mChosen = mRight->currentData().toString();
    accept();
  });
  connect(mLeft, &QComboBox::currentIndexChanged, this, &EncodingDialog::fillPreview);
  connect(mRight, &QComboBox::currentIndexChanged, this, &EncodingDialog::fillPreview);
  setReadings(e.name, e.runnerUp.isEmpty() ? encodingChoices(e).value(1) : e.runnerUp);
}

void EncodingDialog::setReadings(const QString& left, const QString& right) {
  const QSignalBlocker blockLeft(mLeft);
  const QSignalBlocker blockRight(mRight);
  mLeft->setCurrentIndex(std::max(0, mLeft->findData(left)));
  mRight->setCurrentIndex(std::max(0, mRight->findData(right)));
  fillPreview();
}

void EncodingDialog::fillPreview() {
  const QString readAs = mData->encoding.name;
  const QString left = mLeft->currentData().toString();
  const QString right = mRight->currentData().toString();
  mTable->setHorizontalHeaderLabels({tr("Read as %1").arg(mLeft->currentText()), tr("Read as %1").arg(mRight->currentText())});
  QStringList texts;
  QStringList labels;
  QStringList names;
  for (const gis::Field& f : mData->fields) names << f.name;
  texts << names.join(QStringLiteral(" · "));
  labels << tr("Field names");
  for (std::size_t r = 0; r < mData->attributes.size() && texts.size() <= kPreviewRows; ++r) {
    for (std::size_t f = 0; f < mData->fields.size() && f < mData->attributes[r].size(); ++f) {
      const QString value = mData->attributes[r][f].toString();
      if (mData->fields[f].type != gis::Field::Type::String || value.isEmpty()) continue;
      if (std::all_of(value.begin(), value.end(), [](QChar c) { return c.unicode() < 0x80; })) continue;  // reads alike
      texts << value;
      labels << tr("%1, feature %2").arg(mData->fields[f].name).arg(mData->fids.at(r));
    }
  }
  mTable->setRowCount(static_cast<int>(texts.size()));
  mTable->setVerticalHeaderLabels(labels);
  for (int row = 0; row < texts.size(); ++row) {
    const QByteArray bytes = bytesOf(texts[row], readAs);
    mTable->setItem(row, 0, new QTableWidgetItem(gis::decodeText(bytes, left)));
    mTable->setItem(row, 1, new QTableWidgetItem(gis::decodeText(bytes, right)));
  }
}

QString EncodingDialog::previewText(int row, int side) const {
  const QTableWidgetItem* item = mTable->item(row, side);
  return item != nullptr ? item->text() : QString();
}

std::optional<QString> EncodingDialog::ask(std::shared_ptr<const gis::VectorData> data, QWidget* parent) {
  EncodingDialog dialog(std::move(data), parent);
  if (dialog.exec() != QDialog::Accepted || dialog.chosen().isEmpty()) return std::nullopt;
  return dialog.chosen();
}

}  // namespace xiuhua::app
