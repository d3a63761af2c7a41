#pragma once

#include "xiuhua/gis/field.h"

#include <QDialog>

#include <optional>
#include <vector>

namespace xiuhua::app {

// The attributes of a feature, one editor per field chosen by its type (numbers checked, dates
// picked); OK refuses a value that is not of the field's type, saying which field and why.
class FeatureForm : public QDialog {
  Q_OBJECT

 public:
  FeatureForm(const std::vector<gis::Field>& fields, const gis::AttributeRow& values, const QString& title, QWidget* parent = nullptr);

  // The values as typed; nullopt (and the reason in problem()) when one is not valid.
  std::optional<gis::AttributeRow> values();
  QWidget* editor(int field) const { return mEditors.at(static_cast<std::size_t>(field)); }
  const QString& problem() const { return mProblem; }
  void accept() override;

 private:
  std::vector<gis::Field> mFields;
  std::vector<QWidget*> mEditors;
  QString mProblem;
};

}  // namespace xiuhua::app
