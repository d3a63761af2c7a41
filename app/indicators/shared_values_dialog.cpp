#include "indicators/shared_values_dialog.h"

#include "dialogs/pg_connection_box.h"
#include "xiuhua/indicators/value_sharing.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace xiuhua::app {

SharedValuesDialog::SharedValuesDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent),
      mProject(projectPath),
      mConnection(new PgConnectionBox(this)),
      mSchema(new QLineEdit(this)),
      mCopy(new QRadioButton(tr("&Copy this project's catalog, values and audit into an empty schema"), this)),
      mJoin(new QRadioButton(tr("&Join a schema that holds the district's values already"), this)),
      mWhere(new QLabel(this)),
      mShare(new QPushButton(tr("&Share"), this)),
      mStop(new QPushButton(tr("S&top sharing"), this)) {
  setWindowTitle(tr("Share indicator values"));
  setObjectName(QStringLiteral("sharedValuesDialog"));
  mSchema->setPlaceholderText(tr("e.g. jiading_values"));
  mCopy->setChecked(true);
  mWhere->setWordWrap(true);
  mWhere->setObjectName(QStringLiteral("valuesWhere"));
  auto* explanation = new QLabel(tr("Each 责任单位 enters its values from its own workstation into one schema; every entry records "
                                    "the database user. A value entered for the same indicator and year by two people at once is stored "
                                    "once: the other person is told and may enter theirs as a revision. The project file keeps only the "
                                    "connection (no password) and the schema; its own values stay in it, untouched."),
                                 this);
  explanation->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("Schema:"), mSchema);
  form->addRow(mCopy);
  form->addRow(mJoin);

  auto* box = new QDialogButtonBox(this);
  box->addButton(mShare, QDialogButtonBox::ActionRole);
  box->addButton(mStop, QDialogButtonBox::ActionRole);
  box->addButton(QDialogButtonBox::Close);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(mWhere);
  layout->addWidget(explanation);
  layout->addWidget(mConnection);
  layout->addLayout(form);
  layout->addWidget(box);
  resize(760, sizeHint().height());

  connect(mShare, &QPushButton::clicked, this, &SharedValuesDialog::share);
  connect(mStop, &QPushButton::clicked, this, &SharedValuesDialog::stopSharing);
  connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
  showWhere();
}

void SharedValuesDialog::setSchema(const QString& schema) { mSchema->setText(schema); }

void SharedValuesDialog::setJoin(bool join) { (join ? mJoin : mCopy)->setChecked(true); }

QString SharedValuesDialog::statusText() const { return mConnection->statusText(); }

QString SharedValuesDialog::whereText() const { return mWhere->text(); }

void SharedValuesDialog::showWhere() {
  auto shared = indicators::sharedValuesOf(mProject);
  const bool isShared = shared.ok() && shared->has_value();
  if (!shared.ok()) {
    mWhere->setText(shared.error().message);
  } else if (isShared) {
    mWhere->setText(tr("The values are shared now: schema %1 on %2.").arg((*shared)->schema, (*shared)->connection.displayName()));
    mConnection->setConnection((*shared)->connection);
    mSchema->setText((*shared)->schema);
  } else {
    mWhere->setText(tr("The values are in the project file %1.").arg(mProject));
  }
  mShare->setEnabled(!isShared);
  mStop->setEnabled(isShared);
}

bool SharedValuesDialog::share() {
  auto info = mConnection->connectionInfo();
  if (!info.ok()) {
    mConnection->setStatus(info.error().message, false);
    return false;
  }
  if (mSchema->text().trimmed().isEmpty()) {
    mConnection->setStatus(tr("Give the schema the values are kept in."), false);
    return false;
  }
  const indicators::ShareMode mode = mJoin->isChecked() ? indicators::ShareMode::Join : indicators::ShareMode::Copy;
  auto report = indicators::shareValues(mProject, {info.value(), mSchema->text().trimmed()}, mode);
  if (!report.ok()) {
    mConnection->setStatus(report.error().message, false);
    return false;
  }
  mConnection->setStatus(report->joined ? tr("The project now uses the %n values of the shared schema.", nullptr, report->sharedValues)
                                        : tr("Copied %1 indicators, %2 values, %3 assessments and %4 decisions.")
                                              .arg(report->indicators)
                                              .arg(report->values)
                                              .arg(report->assessments)
                                              .arg(report->decisions),
                         true);
  showWhere();
  emit valuesMoved();
  return true;
}

bool SharedValuesDialog::stopSharing() {
  if (gis::Status s = indicators::stopSharingValues(mProject); !s) {
    mConnection->setStatus(s.error().message, false);
    return false;
  }
  mConnection->setStatus(tr("The values are read from the project file again (as it had them when sharing began)."), true);
  showWhere();
  emit valuesMoved();
  return true;
}

}  // namespace xiuhua::app
