#pragma once

#include <QDialog>
#include <atomic>
#include <functional>
#include <memory>

#include "report/report_options.h"
#include "xiuhua/gis/result.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
template <typename T>
class QFutureWatcher;

namespace xiuhua::app {

class ReportPreview;
struct ReportPreviewPages;

// The indicator report as the analyst builds it: the year, title, 编制单位, orientation, the
// sections, the atlas level and the indicators; a preview of the pages; the export to PDF, the
// tables to XLSX or CSV, the maps and charts to PNG and SVG. The preview and every export run on
// a worker thread with progress and Cancel, the inputs disabled meanwhile; closing cancels a job
// and waits for it. The choice is kept in the project (ReportOptions) when an export starts and
// when the dialog closes with changes, so the dialog opens on it next time.
class ReportBuilderDialog : public QDialog {
  Q_OBJECT

 public:
  // `year`: the year shown when the project keeps no choice yet.
  ReportBuilderDialog(const QString& projectPath, int year, QWidget* parent = nullptr);
  ~ReportBuilderDialog() override;

  QString projectPath() const { return mProject; }
  ReportOptions options() const;
  void setOptions(const ReportOptions& options);

  // Each starts a background job and returns at once: false (with the reason in lastMessage())
  // when it could not start — a job running, no indicator chosen, no path chosen. An empty path
  // asks for one. The job ends with jobFinished().
  bool refreshPreview();
  bool exportPdf(QString path = {});
  bool exportTables(QString path = {});  // .xlsx or .csv, by the suffix
  bool exportFigures(QString folder = {});
  void cancel();  // the running job, if any

  bool isBusy() const;
  int previewPageCount() const;
  ReportPreview* preview() const { return mPreview; }
  // The latest outcome or problem shown under the buttons. After an export that had to leave
  // something out (a map layer that could not be read), the outcome is followed by one line per
  // omission, naming the file.
  QString lastMessage() const;

 signals:
  void jobFinished(bool ok);

 public slots:
  void done(int result) override;

 private:
  struct JobResult;
  using Job = std::function<JobResult(const std::atomic<bool>& cancel,
                                      const std::function<void(int, int)>& progress)>;

  QWidget* createOptionsPane();
  void loadChoices();
  // Starts `job` on a worker thread; `saveChoice`: keeps the options in the project first.
  bool start(const QString& what, Job job, bool saveChoice);
  bool anyIndicatorChosen() const;
  void finished();
  void setBusy(bool busy);
  void showMessage(const QString& text, bool problem);
  void checkAll(bool checked);
  bool saveOptions();

  QString mProject;
  ReportOptions mSaved;  // as in the project file
  QSpinBox* mYear = nullptr;
  QLineEdit* mTitle = nullptr;
  QLineEdit* mAuthor = nullptr;
  QComboBox* mOrientation = nullptr;
  QCheckBox* mSummary = nullptr;
  QCheckBox* mSections = nullptr;
  QCheckBox* mMaps = nullptr;
  QCheckBox* mAppendix = nullptr;
  QComboBox* mAtlas = nullptr;
  QTreeWidget* mIndicators = nullptr;
  QWidget* mOptionsPane = nullptr;
  ReportPreview* mPreview = nullptr;
  QProgressBar* mProgress = nullptr;
  QPushButton* mCancel = nullptr;
  QLabel* mMessage = nullptr;
  QPushButton* mOpenFolder = nullptr;
  QList<QPushButton*> mActions;
  QString mFolder;  // of the last file written, for "Open folder"
  QFutureWatcher<JobResult>* mWatcher = nullptr;
  std::shared_ptr<std::atomic<bool>> mCancelFlag;
  bool mRunning = false;  // from start() until finished() has handled the result
};

}  // namespace xiuhua::app
