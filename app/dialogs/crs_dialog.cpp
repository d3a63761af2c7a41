#include "dialogs/crs_dialog.h"

#include "dialogs/crs_selector.h"

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QVBoxLayout>

namespace xiuhua::app {

CrsDialog::CrsDialog(const QString& title, const gis::Crs& current, QWidget* parent)
    : QDialog(parent), mSelector(new CrsSelector(false, this)) {
  setWindowTitle(title);
  mSelector->setDefinition(current.definition());
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(mSelector);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (const QString problem = mSelector->validate(); !problem.isEmpty()) {
      QMessageBox::warning(this, windowTitle(), problem);  // keep the dialog and the user's text
      return;
    }
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

gis::Crs CrsDialog::chosen() const {
  auto crs = gis::Crs::fromUserInput(mSelector->definition());
  return crs.ok() ? crs.value() : gis::Crs();
}

std::optional<gis::Crs> CrsDialog::ask(QWidget* parent, const QString& title, const gis::Crs& current) {
  CrsDialog dialog(title, current, parent);
  if (dialog.exec() != QDialog::Accepted || !dialog.chosen().isValid()) return std::nullopt;
  return dialog.chosen();
}

}  // namespace xiuhua::app
