#include "edit/feature_form.h"

#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QVBoxLayout>

namespace xiuhua::app {

FeatureForm::FeatureForm(const std::vector<gis::Field>& fields, const gis::AttributeRow& values, const QString& title, QWidget* parent)
    : QDialog(parent), mFields(fields) {
  setWindowTitle(title);
  auto* form = new QFormLayout;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const gis::Field& f = fields[i];
    const QVariant v = i < values.size() ? values[i] : QVariant();
    QWidget* editor = nullptr;
    if (f.type == gis::Field::Type::Date) {
      auto* e = new QDateEdit(v.isValid() ? v.toDate() : QDate::currentDate(), this);
      e->setCalendarPopup(true);
      e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
      editor = e;
    } else if (f.type == gis::Field::Type::DateTime) {
      auto* e = new QDateTimeEdit(v.isValid() ? v.toDateTime() : QDateTime::currentDateTime(), this);
      e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
      editor = e;
    } else {
      auto* e = new QLineEdit(v.isValid() ? v.toString() : QString(), this);
      if (f.type == gis::Field::Type::Integer) e->setPlaceholderText(tr("whole number"));
      if (f.type == gis::Field::Type::Real) e->setPlaceholderText(tr("number"));
      editor = e;
    }
    editor->setObjectName(f.name);
    form->addRow(f.name, editor);
    mEditors.push_back(editor);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &FeatureForm::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

std::optional<gis::AttributeRow> FeatureForm::values() {
  gis::AttributeRow row;
  for (std::size_t i = 0; i < mFields.size(); ++i) {
    const gis::Field& f = mFields[i];
    if (auto* date = qobject_cast<QDateEdit*>(mEditors[i]); date != nullptr && f.type == gis::Field::Type::Date) {
      row.push_back(date->date());
      continue;
    }
    if (auto* time = qobject_cast<QDateTimeEdit*>(mEditors[i]); time != nullptr && f.type == gis::Field::Type::DateTime) {
      row.push_back(time->dateTime());
      continue;
    }
    const QString text = static_cast<QLineEdit*>(mEditors[i])->text().trimmed();
    if (text.isEmpty()) {
      row.emplace_back();  // null
      continue;
    }
    bool ok = true;
    switch (f.type) {
      case gis::Field::Type::Integer: row.push_back(QVariant::fromValue<qlonglong>(text.toLongLong(&ok))); break;
      case gis::Field::Type::Real: row.push_back(text.toDouble(&ok)); break;
      default: row.push_back(static_cast<QLineEdit*>(mEditors[i])->text());
    }
    if (!ok) {
      mProblem = f.type == gis::Field::Type::Integer ? tr("%1: \"%2\" is not a whole number.").arg(f.name, text)
                                                     : tr("%1: \"%2\" is not a number.").arg(f.name, text);
      return std::nullopt;
    }
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
