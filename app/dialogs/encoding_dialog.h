#pragma once

#include "xiuhua/gis/vector_data.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QTableWidget;

namespace xiuhua::app {

// The encodings offered for a layer's text: the detected candidates first, then the common ones
// (canonical names, see gis::TextEncoding).
QStringList encodingChoices(const gis::TextEncoding& detected = {});

// Lets the user settle a layer's text encoding when the detection is unsure or wrong: the field
// names and the first text values read two ways side by side — as read, and as the runner-up (or
// any other encoding) would read them — and a button under each reading to take it.
class EncodingDialog : public QDialog {
  Q_OBJECT

 public:
  EncodingDialog(std::shared_ptr<const gis::VectorData> data, QWidget* parent = nullptr);
  // Shows the dialog; the chosen encoding, or nullopt when cancelled.
  static std::optional<QString> ask(std::shared_ptr<const gis::VectorData> data, QWidget* parent);
  QString chosen() const { return mChosen; }
  // For tests: the text of a preview cell (row, 0 = left reading, 1 = right reading).
  QString previewText(int row, int side) const;
  void setReadings(const QString& left, const QString& right);

 private:
  void fillPreview();
  std::shared_ptr<const gis::VectorData> mData;
  QComboBox* mLeft;
  QComboBox* mRight;
  QTableWidget* mTable;
  QString mChosen;
};

}  // namespace xiuhua::app
