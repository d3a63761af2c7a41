#pragma once

#include "xiuhua/gis/edit/field_constraints.h"
#include "xiuhua/gis/field.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

namespace xiuhua::app {

// The attributes of a feature, one editor per field chosen by its type and constraints (numbers
// checked, dates picked, a value list as a drop-down with its labels, required fields marked);
// OK refuses a value that is not of the field's type or breaks a constraint, saying which field and
// why.
class FeatureForm : public QDialog {
  Q_OBJECT

 public:
  // Checks one value (constraints, the format's limits); nullopt when it is fine.
  using Validator = std::function<std::optional<QString>(int field, const QVariant& value)>;

  FeatureForm(const std::vector<gis::Field>& fields, const gis::AttributeRow& values, const QString& title, QWidget* parent = nullptr,
              const gis::LayerConstraints* constraints = nullptr, Validator validator = {});

  // The values as typed; nullopt (and the reason in problem()) when one is not valid.
  std::optional<gis::AttributeRow> values();
  QWidget* editor(int field) const { return mEditors.at(static_cast<std::size_t>(field)); }
  const QString& problem() const { return mProblem; }
  void accept() override;

 private:
  QWidget* makeEditor(const gis::Field& field, const gis::FieldConstraint* constraint, const QVariant& value);
  std::optional<QVariant> read(std::size_t field);

  std::vector<gis::Field> mFields;
  Validator mValidator;
  std::vector<QWidget*> mEditors;
  QString mProblem;
};

}  // namespace xiuhua::app
