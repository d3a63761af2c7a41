// The Xiuhua desktop application.
#include "document/map_document.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "main/screenshot.h"
#include "map/message_bar.h"
#include "xiuhua/gis/source_ref.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QTextStream>

#include <functional>

using xiuhua::app::Localization;
using xiuhua::app::MainWindow;
using xiuhua::app::MapDocument;

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Xiuhua"));
  QApplication::setApplicationName(QStringLiteral("Xiuhua"));
  QApplication::setApplicationVersion(QStringLiteral(XIUHUA_VERSION));
  // The installed xiuhua.desktop: its icon and name for the window (Wayland matches them by this).
  QGuiApplication::setDesktopFileName(QStringLiteral("xiuhua"));

  // The language first, so that --help is translated too.
  const QStringList args = QApplication::arguments();
  const qsizetype langAt = args.indexOf(QStringLiteral("--lang"));
  Localization localization;
  localization.apply(Localization::preferredLanguage(langAt >= 0 && langAt + 1 < args.size() ? args[langAt + 1] : QString()));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Xiuhua 绣花 — desktop GIS for urban-management refinement"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "Project file (.xhp) or data files to open"));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QApplication::translate("main", "Render the main window to a PNG file and exit."),
                                      QStringLiteral("file"));
  const QCommandLineOption language(QStringLiteral("lang"), QApplication::translate("main", "UI language: zh_CN or en."),
                                    QStringLiteral("language"));
  const QCommandLineOption demo(QStringLiteral("demo"),
                                QApplication::translate("main", "Open the demo project (your copy of it in your documents folder; "
                                                                "made on first use)."));
  parser.addOptions({screenshot, language, demo});
  parser.process(app);

  MapDocument document;
  QPointer<MainWindow> window;
  std::function<void()> createWindow = [&] {
    window = new MainWindow(&document);
    window->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(window, &MainWindow::languageChangeRequested, &app, [&](const QString& code) {
      QSettings().setValue(QStringLiteral("language"), code);
      localization.apply(code);
      const QByteArray state = window->saveState();
      const QRect geometry = window->geometry();
      window->setAttribute(Qt::WA_DeleteOnClose, false);
      window->hide();
      window->deleteLater();
      createWindow();
      window->restoreState(state);
      window->setGeometry(geometry);
      window->show();
    });
  };
  createWindow();

  bool opened = true;
  for (const QString& arg : parser.positionalArguments()) {
    const QString path = xiuhua::gis::absoluteSourcePath(arg, QDir::current());
    if (path.endsWith(QLatin1String(".xhp"), Qt::CaseInsensitive)) {
      opened = window->openProject(path) && opened;
    } else {
      window->addLayers({path});
    }
  }
  if (parser.isSet(demo)) opened = window->openDemoProject() && opened;
  if (parser.isSet(screenshot) && !opened) {
    // Nothing to wait for: say why instead of rendering an empty window.
    QTextStream(stderr) << "xiuhua: " << window->messageBar()->currentText() << "\n";
    delete window;
    return 1;
  }
  if (parser.positionalArguments().isEmpty() && !parser.isSet(demo)) window->suggestDemoProject();
  window->show();
  if (parser.isSet(screenshot)) {
    new xiuhua::app::ScreenshotTaker(window, &document, QFileInfo(parser.value(screenshot)).absoluteFilePath(), &app);
  }
  const int code = QApplication::exec();
  delete window;  // before the document it shows
  return code;
}
