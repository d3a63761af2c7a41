#include "edit/field_calculator_dialog.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/edit_checks.h"
#include "edit/edited_layer_view.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/edit/field_calculator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <set>

namespace xiuhua::app {

FieldCalculatorDialog::FieldCalculatorDialog(MapDocument* document, LayerEditing* editing, EditChecks* checks, QString layerId, QWidget* parent)
    : QDialog(parent), mDocument(document), mEditing(editing), mChecks(checks), mLayerId(std::move(layerId)), mField(new QComboBox(this)),
      mExpression(new QPlainTextEdit(this)), mWhere(new QLineEdit(this)), mSelectedOnly(new QCheckBox(tr("Only the selected features"), this)),
      mMessage(new QLabel(this)) {
  const LayerState* layer = document->layer(mLayerId);
  setWindowTitle(tr("Field calculator — %1").arg(layer != nullptr ? layer->spec.name : mLayerId));
  setObjectName(QStringLiteral("fieldCalculatorDialog"));
  if (layer != nullptr && layer->data) {
    for (const gis::Field& f : layer->data->fields) mField->addItem(f.name);
  }
  mExpression->setPlaceholderText(tr("e.g. round($length / 1000, 3)   or   CASE WHEN status = 'buried' THEN 1 ELSE 0 END"));
  mExpression->setMaximumHeight(90);
  mWhere->setPlaceholderText(tr("optional condition, e.g. street = '安亭镇'"));
  mSelectedOnly->setChecked(layer != nullptr && layer->selection && !layer->selection->empty());
  mMessage->setWordWrap(true);
  mMessage->setStyleSheet(QStringLiteral("color: #b2182b"));
  auto* help = new QLabel(tr("SQLite expressions: fields by name (in double quotes when they contain spaces), + - * /, ||, CASE, "
                             "round(), upper(), substr() …; $area (m²), $length (m), $x, $y, $id of each feature."),
                          this);
  help->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Field to update"), mField);
  form->addRow(tr("New value"), mExpression);
  form->addRow(tr("Where"), mWhere);
  form->addRow(QString(), mSelectedOnly);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &FieldCalculatorDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(help);
  layout->addWidget(mMessage);
  layout->addWidget(buttons);
  resize(560, 320);
}

void FieldCalculatorDialog::fail(const QString& message) {
  mProblem = message;
  mMessage->setText(message);
}

bool FieldCalculatorDialog::apply() {
  const EditedLayerView layer(mDocument, mEditing, mLayerId);
  const LayerState* state = mDocument->layer(mLayerId);
  if (!layer.isValid() || state == nullptr) {
    fail(tr("The layer is not being edited."));
    return false;
  }
  const std::vector<gis::Field>& fields = layer.buffer()->base().fields;
  const int field = mField->currentIndex();
  if (field < 0) {
    fail(tr("The layer has no field to update."));
    return false;
  }
  auto calculator = gis::FieldCalculator::create(fields, mExpression->toPlainText().trimmed(), mWhere->text().trimmed());
  if (!calculator.ok()) {
    fail(calculator.error().message);
    return false;
  }
  // The features: all, or the selected ones, as edited now.
  std::vector<qint64> fids = mSelectedOnly->isChecked() ? layer.selectedFids() : layer.buffer()->fids();
  std::vector<gis::AttributeRow> rows;
  std::vector<gis::Geometry> geometries;
  std::vector<qint64> present;
  for (qint64 fid : fids) {
    std::optional<gis::EditedFeature> f = layer.buffer()->feature(fid);
    if (!f) continue;
    present.push_back(fid);
    rows.push_back(std::move(f->attributes));
    geometries.push_back(std::move(f->geometry));
  }
  const QString measures = mExpression->toPlainText() + QLatin1Char(' ') + mWhere->text();
  if (state->effectiveCrs().isGeographic() &&
      (measures.contains(QLatin1String("$area")) || measures.contains(QLatin1String("$length")))) {
    fail(tr("$area and $length need a projected coordinate system (metres); %1 is in degrees.").arg(state->spec.name));
    return false;
  }
  auto result = calculator->evaluate(present, rows, geometries, fields[static_cast<std::size_t>(field)].type);
  if (!result.ok()) {
    fail(result.error().message);
    return false;
  }
  std::vector<gis::FeatureEditCommand::Change> changes;
  for (std::size_t i = 0; i < result->fids.size(); ++i) {
    const qint64 fid = result->fids[i];
    const QVariant& value = result->values[i];
    if (auto refused = mChecks->checkValue(mLayerId, field, value)) {
      fail(tr("Feature %1: %2").arg(fid).arg(*refused));
      return false;
    }
    std::optional<gis::EditedFeature> f = layer.buffer()->feature(fid);
    if (!f) continue;
    QVariant& cell = f->attributes.at(static_cast<std::size_t>(field));
    if (cell == value && cell.isValid() == value.isValid()) continue;  // unchanged
    cell = value;
    changes.emplace_back(fid, std::move(*f));
  }
  mUpdated = static_cast<int>(changes.size());
  if (changes.empty()) {
    fail(tr("No feature's value changes."));
    return false;
  }
  mEditing->push(mLayerId, std::make_unique<gis::FeatureEditCommand>(
                               layer.buffer(), std::move(changes),
                               tr("Calculate %1 for %n feature(s)", nullptr, mUpdated).arg(mField->currentText()), -1));
  return true;
}

void FieldCalculatorDialog::accept() {
  if (apply()) QDialog::accept();
}

}  // namespace xiuhua::app
