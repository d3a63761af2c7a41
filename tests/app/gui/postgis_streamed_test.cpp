// A PostGIS table of 1,000,000 parcels in the GUI (issue 19, part 3): added like any table, it is
// drawn per view from the server rather than read whole, zooms and identifies through the server,
// and its table and editing are refused with the reason and a way out; a small table beside it is
// read whole as before, and "Read the whole layer" switches a streamed one over.
#include "dialogs/layer_properties_dialog.h"
#include "document/layer_editing.h"
#include "document/layer_loader.h"
#include "document/map_document.h"
#include "edit/editing_controller.h"
#include "main/main_window.h"
#include "table/attribute_table_widget.h"
#include "map/identify_panel.h"
#include "map/map_canvas.h"
#include "map/message_bar.h"
#include "xiuhua/gis/postgis/pg_connection.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidgetItemIterator>

using namespace xiuhua::app;
using namespace xiuhua::gis;

namespace {

QString env(const char* name) { return qEnvironmentVariable(name); }

const char* kSchema = "gui_postgis_streamed";

QString connection() {
  return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3").arg(env("XIUHUA_PG_PORT"), env("XIUHUA_PG_DBNAME"), env("XIUHUA_PG_USER"));
}

QString source(const QString& table) {
  return QStringLiteral("PG:%1|layername=%2.%3").arg(connection(), QLatin1String(kSchema), table);
}

// Pixels of the canvas that are neither the white background nor grey chrome: the parcels' fill.
int colouredPixels(const QImage& image) {
  int n = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      n += std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()}) > 40 ? 1 : 0;
    }
  }
  return n;
}

void saveScreenshot(QWidget& window, const QString& name) {
  if (!env("XIUHUA_TEST_SCREENSHOTS").isEmpty()) window.grab().save(QDir(env("XIUHUA_TEST_SCREENSHOTS")).filePath(name));
}

}  // namespace

class PostgisStreamedTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (env("XIUHUA_PG_PORT").isEmpty()) {
      QFAIL("No PostgreSQL test server: run the tests through ./test.sh, which starts one (scripts/pg-cluster.sh). PostGIS tests never skip.");
    }
    qputenv("PGPASSFILE", env("XIUHUA_PG_PASSFILE").toUtf8());
    qputenv("PGSERVICEFILE", env("XIUHUA_PG_SERVICEFILE").toUtf8());
    auto info = PgConnectionInfo::parse(connection());
    QVERIFY(info.ok());
    auto c = PgConnection::open(info.value());
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
    mConnection = c.value();
    // 1000 × 1000 squares of 8 m on a 10 m pitch, made in the server (a few seconds).
    const xiuhua::gis::Status made = mConnection->executeScript(QStringLiteral(
        "DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1;"
        "CREATE TABLE %1.地块 (id integer PRIMARY KEY, kind integer, 名称 text, geom geometry(Polygon, 4549));"
        "INSERT INTO %1.地块 SELECT g + 1, g %% 7, '地块' || g, ST_MakeEnvelope(500000 + (g %% 1000) * 10, 3470000 + (g / 1000) * 10, "
        "500008 + (g %% 1000) * 10, 3470008 + (g / 1000) * 10, 4549) FROM generate_series(0, 999999) g;"
        "CREATE INDEX ON %1.地块 USING gist (geom); ANALYZE %1.地块;"
        "CREATE TABLE %1.街镇 (id integer PRIMARY KEY, 名称 text, geom geometry(Polygon, 4549));"
        "INSERT INTO %1.街镇 VALUES (1, '新成路街道', ST_MakeEnvelope(500000, 3470000, 505000, 3475000, 4549));"
        "ANALYZE %1.街镇;").arg(QLatin1String(kSchema)).replace(QLatin1String("%%"), QLatin1String("%")));
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
    QSettings().remove(QStringLiteral("postgis/streamAboveRows"));  // the shipped threshold
  }

  void cleanupTestCase() {
    if (mConnection) (void)mConnection->executeScript(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(QLatin1String(kSchema)));
  }

  void aMillionRowTableIsDrawnPerViewZoomedAndIdentified() {
    MapDocument document;
    MainWindow window(&document);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QElapsedTimer opened;
    opened.start();
    window.addLayers({source(QStringLiteral("地块")), source(QStringLiteral("街镇"))});
    QTRY_VERIFY_WITH_TIMEOUT(document.layers().size() == 2 && !document.isLoading(), 60000);
    const LayerState* parcels = nullptr;
    const LayerState* towns = nullptr;
    for (const LayerState& l : document.layers()) (l.spec.sourceLayer.endsWith(QStringLiteral("地块")) ? parcels : towns) = &l;
    QVERIFY2(parcels != nullptr && towns != nullptr, qPrintable(document.layers().front().spec.sourceLayer + QLatin1Char(' ') + window.messageBar()->currentText()));
    QVERIFY2(parcels->error.isEmpty(), qPrintable(parcels->error));
    // The big table is a source asked per view, nothing of it held; the small one is read whole.
    QVERIFY(parcels->streamed != nullptr);
    QVERIFY(parcels->data == nullptr && parcels->projected == nullptr);
    QVERIFY(parcels->streamed->estimatedCount().value_or(0) > kDefaultStreamAboveRows);
    QVERIFY(towns->data != nullptr && towns->streamed == nullptr);
    qInfo("1,000,000-row table opened streamed in %lld ms (ASan build)", static_cast<long long>(opened.elapsed()));

    MapCanvas* canvas = window.canvas();
    canvas->zoomToRect(parcels->streamed->extent());
    QTRY_VERIFY_WITH_TIMEOUT(canvas->isRenderComplete(), 120000);
    const int fullFrame = colouredPixels(canvas->grab().toImage());
    QVERIFY2(fullFrame > canvas->width() * canvas->height() / 4, qPrintable(QString::number(fullFrame)));
    saveScreenshot(window, QStringLiteral("postgis-streamed-full.png"));

    // A 0.01 % view: a dozen squares, drawn whole.
    const QRectF close(QPointF(505000, 3475000), QSizeF(100, 60));
    QElapsedTimer zoomed;
    zoomed.start();
    canvas->zoomToRect(close);
    QTRY_VERIFY_WITH_TIMEOUT(canvas->isRenderComplete(), 60000);
    qInfo("0.01 %% view drawn in %lld ms (ASan build)", static_cast<long long>(zoomed.elapsed()));
    QVERIFY(colouredPixels(canvas->grab().toImage()) > 1000);
    saveScreenshot(window, QStringLiteral("postgis-streamed-close.png"));

    // Identify: the server answers for the square under the point, with its columns.
    QCOMPARE(window.identifyPanel()->identify(QPointF(505034, 3475024), canvas->viewport().unitsPerPixel() * 4), 1);
    bool named = false;
    for (QTreeWidgetItemIterator it(window.identifyPanel()); *it != nullptr; ++it) {
      named = named || ((*it)->text(0) == QStringLiteral("名称") && (*it)->text(1) == QStringLiteral("地块502503"));
    }
    QVERIFY(named);
    saveScreenshot(window, QStringLiteral("postgis-streamed-identify.png"));

    // Its properties say how it is drawn and offer the choice.
    {
      LayerPropertiesDialog properties(&document, parcels->spec.id, &window);
      properties.show();
      QVERIFY(QTest::qWaitForWindowExposed(&properties));
      saveScreenshot(properties, QStringLiteral("postgis-streamed-properties.png"));
    }

    // Its table and editing need the whole layer: refused, saying why and how.
    window.messageBar()->clear();
    window.openAttributeTable(parcels->spec.id);
    QVERIFY2(window.messageBar()->currentText().contains(parcels->spec.name), qPrintable(window.messageBar()->currentText()));
    QVERIFY(window.attributeTable()->isHidden() || window.attributeTable()->visibleRegion().isEmpty());
    const xiuhua::gis::Status editing = window.editing()->editing()->start(parcels->spec.id);
    QVERIFY(!editing.ok());
    QVERIFY2(editing.error().message.contains(parcels->spec.name), qPrintable(editing.error().message));
  }

  void aStreamedLayerIsReadWholeWhenTheUserAsks() {
    QSettings().setValue(QStringLiteral("postgis/streamAboveRows"), 1);  // the user's own threshold: every table streams
    MapDocument document;
    MainWindow window(&document);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.addLayers({source(QStringLiteral("街镇"))});
    QTRY_VERIFY_WITH_TIMEOUT(document.layers().size() == 1 && !document.isLoading(), 30000);
    const QString id = document.layers().front().spec.id;
    QVERIFY(document.layer(id)->streamed != nullptr);
    window.messageBar()->clear();
    window.openAttributeTable(id);
    QSignalSpy loaded(&document, &MapDocument::layerLoaded);
    emit window.messageBar()->actionTriggered(QStringLiteral("read-whole:") + id);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1 && !document.isLoading(), 30000);
    QVERIFY(document.layer(id)->streamed == nullptr);
    QVERIFY(document.layer(id)->data != nullptr);
    QCOMPARE(document.layer(id)->data->featureCount(), 1u);
    QCOMPARE(document.layer(id)->spec.streaming, LayerSpec::Streaming::Never);
    QSettings().remove(QStringLiteral("postgis/streamAboveRows"));
  }

 private:
  std::shared_ptr<PgConnection> mConnection;
};

QTEST_MAIN(PostgisStreamedTest)
#include "postgis_streamed_test.moc"
