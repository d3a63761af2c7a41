// Build-time tool: renders the application's SVG icon to the PNG sizes of the hicolor icon theme,
// so that no PNG is kept in the repository.
//
//   xiuhua-render-icons ICON.svg OUTDIR SIZE...
//
// writes OUTDIR/SIZExSIZE/xiuhua.png (the SVG's base name) for every SIZE. Run it with
// QT_QPA_PLATFORM=offscreen: it needs no display. Exit code 0 on success, 1 when the SVG cannot be
// read or a PNG cannot be written (the message names the file), 2 on bad usage.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

namespace {

void fail(const QString& message) {
  std::fprintf(stderr, "xiuhua-render-icons: %s\n", qPrintable(message));
}

}  // namespace

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  const QStringList args = QGuiApplication::arguments();
  if (args.size() < 4) {
    fail(QStringLiteral("usage: xiuhua-render-icons ICON.svg OUTDIR SIZE..."));
    return 2;
  }
  const QString svgPath = args[1];
  QSvgRenderer renderer(svgPath);
  if (!renderer.isValid()) {
    fail(QStringLiteral("cannot read the SVG %1").arg(svgPath));
    return 1;
  }
  const QString name = QFileInfo(svgPath).completeBaseName() + QStringLiteral(".png");
  const QDir outDir(args[2]);
  for (qsizetype i = 3; i < args.size(); ++i) {
    bool ok = false;
    const int size = args[i].toInt(&ok);
    if (!ok || size <= 0 || size > 4096) {
      fail(QStringLiteral("bad size %1").arg(args[i]));
      return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
      QPainter painter(&image);
      painter.setRenderHint(QPainter::Antialiasing);
      painter.setRenderHint(QPainter::SmoothPixmapTransform);
      renderer.render(&painter, QRectF(0, 0, size, size));
    }
    const QString subdir = QStringLiteral("%1x%1").arg(size);
    const QString path = outDir.filePath(subdir + QLatin1Char('/') + name);
    if (!outDir.mkpath(subdir) || !image.save(path, "PNG")) {
      fail(QStringLiteral("cannot write %1").arg(path));
      return 1;
    }
  }
  return 0;
}
