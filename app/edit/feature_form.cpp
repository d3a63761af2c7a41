#include "edit/feature_form.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QVBoxLayout>

namespace xiuhua::app {

namespace {

QString constraintHint(const gis::FieldConstraint& c) {
  QStringList hints;
  if (c.notNull) hints << FeatureForm::tr("required");
  if (c.minimum || c.maximum) {
    hints << FeatureForm::tr("from %1 to %2")
                 .arg(c.minimum ? QString::number(*c.minimum) : QStringLiteral("−∞"), c.maximum ? QString::number(*c.maximum) : QStringLiteral("∞"));
  }
  if (!c.glob.isEmpty()) hints << FeatureForm::tr("pattern %1").arg(c.glob);
  if (!c.description.isEmpty()) hints << c.description;
  return hints.join(QStringLiteral("; "));
}

}  // namespace

FeatureForm::FeatureForm(const std::vector<gis::Field>& fields, const gis::AttributeRow& values, const QString& title, QWidget* parent,
                         const gis::LayerConstraints* constraints, Validator validator)
    : QDialog(parent), mFields(fields), mValidator(std::move(validator)) {
  setWindowTitle(title);
  auto* form = new QFormLayout;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const gis::Field& f = fields[i];
    const gis::FieldConstraint* c = constraints != nullptr && i < constraints->fields.size() ? &constraints->fields[i] : nullptr;
    QWidget* editor = makeEditor(f, c, i < values.size() ? values[i] : QVariant());
    editor->setObjectName(f.name);
    if (c != nullptr) editor->setToolTip(constraintHint(*c));
    form->addRow(c != nullptr && c->notNull ? QStringLiteral("%1 *").arg(f.name) : f.name, editor);
    mEditors.push_back(editor);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &FeatureForm::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

QWidget* FeatureForm::makeEditor(const gis::Field& f, const gis::FieldConstraint* c, const QVariant& v) {
  if (c != nullptr && !c->values.empty()) {
    // A value list: the labels shown, the codes stored; an empty choice unless required.
    auto* e = new QComboBox(this);
    if (!c->notNull) e->addItem(QString(), QVariant());
    for (const auto& [code, label] : c->values) {
      e->addItem(label.isEmpty() || label == code.toString() ? code.toString() : QStringLiteral("%1 (%2)").arg(label, code.toString()), code);
    }
    const int at = v.isValid() ? e->findData(v) : -1;
    if (at >= 0) e->setCurrentIndex(at);
    if (at < 0 && v.isValid()) {  // a value outside the list, kept visible (it will be refused)
      e->addItem(v.toString(), v);
      e->setCurrentIndex(e->count() - 1);
    }
    return e;
  }
  if (f.type == gis::Field::Type::Date) {
    auto* e = new QDateEdit(v.isValid() ? v.toDate() : QDate::currentDate(), this);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return e;
  }
  if (f.type == gis::Field::Type::DateTime) {
    auto* e = new QDateTimeEdit(v.isValid() ? v.toDateTime() : QDateTime::currentDateTime(), this);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return e;
  }
  auto* e = new QLineEdit(v.isValid() ? v.toString() : QString(), this);
  if (f.type == gis::Field::Type::Integer) e->setPlaceholderText(tr("whole number"));
  if (f.type == gis::Field::Type::Real) e->setPlaceholderText(tr("number"));
  return e;
}

std::optional<QVariant> FeatureForm::read(std::size_t i) {
  const gis::Field& f = mFields[i];
  if (auto* combo = qobject_cast<QComboBox*>(mEditors[i])) return combo->currentData();
  if (auto* date = qobject_cast<QDateEdit*>(mEditors[i]); date != nullptr && f.type == gis::Field::Type::Date) return QVariant(date->date());
  if (auto* time = qobject_cast<QDateTimeEdit*>(mEditors[i]); time != nullptr && f.type == gis::Field::Type::DateTime) {
    return QVariant(time->dateTime());
  }
  const QString text = static_cast<QLineEdit*>(mEditors[i])->text().trimmed();
  if (text.isEmpty()) return QVariant();  // null
  bool ok = true;
  QVariant value;
  switch (f.type) {
    case gis::Field::Type::Integer: value = QVariant::fromValue<qlonglong>(text.toLongLong(&ok)); break;
    case gis::Field::Type::Real: value = text.toDouble(&ok); break;
    default: value = static_cast<QLineEdit*>(mEditors[i])->text();
  }
  if (!ok) {
    mProblem = f.type == gis::Field::Type::Integer ? tr("%1: \"%2\" is not a whole number.").arg(f.name, text)
                                                   : tr("%1: \"%2\" is not a number.").arg(f.name, text);
    return std::nullopt;
  }
  return value;
}

std::optional<gis::AttributeRow> FeatureForm::values() {
  gis::AttributeRow row;
  for (std::size_t i = 0; i < mFields.size(); ++i) {
    std::optional<QVariant> value = read(i);
    if (!value) return std::nullopt;
    if (mValidator) {
      if (std::optional<QString> refused = mValidator(static_cast<int>(i), *value)) {
        mProblem = *refused;
        return std::nullopt;
      }
    }
    row.push_back(std::move(*value));
  }
  mProblem.clear();
  return row;
}

void FeatureForm::accept() {
  if (!values()) {
    QMessageBox::warning(this, windowTitle(), mProblem);
    return;
  }
  QDialog::accept();
}

}  // namespace xiuhua::app
