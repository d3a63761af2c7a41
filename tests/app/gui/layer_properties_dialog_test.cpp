// Layer properties as a user drives them: declare a CRS, pick an encoding, restyle.
#include "dialogs/crs_selector.h"
#include "dialogs/layer_properties_dialog.h"
#include "dialogs/style_editor.h"
#include "document/map_document.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace xiuhua::app;

namespace {

bool waitLoaded(MapDocument& doc) {
  return QTest::qWaitFor([&] { return !doc.isLoading(); }, 120000);
}

QComboBox* comboWithItem(QWidget* parent, const QString& text) {
  for (QComboBox* c : parent->findChildren<QComboBox*>()) {
    if (c->findText(text) >= 0) return c;
  }
  return nullptr;
}

}  // namespace

class LayerPropertiesDialogTest : public QObject {
  Q_OBJECT

 private slots:
  void declaringGcj02MovesTheLayer();
  void graduatedStyleWithNaturalBreaks();
  void shapefileEncodingCanBeOverridden();
};

void LayerPropertiesDialogTest::declaringGcj02MovesTheLayer() {
  MapDocument doc;
  auto ids = doc.addLayersFromFile(QStringLiteral(DEMO_SOURCES_DIR "/jiading_310114_detailed_gcj02.geojson"));
  QVERIFY(ids.ok());
  QVERIFY(waitLoaded(doc));
  const QPointF before = doc.layer(ids->front())->projected->extent().center();
  LayerPropertiesDialog dialog(&doc, ids->front());
  dialog.showPage(LayerPropertiesDialog::Page::CoordinateSystem);
  auto* selector = dialog.findChild<CrsSelector*>();
  QVERIFY(selector != nullptr);
  selector->setDefinition(QStringLiteral("GCJ02"));
  dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
  QVERIFY(waitLoaded(doc));
  QCOMPARE(doc.layer(ids->front())->spec.declaredCrs, QStringLiteral("GCJ02"));
  const QPointF after = doc.layer(ids->front())->projected->extent().center();
  const double moved = std::hypot(after.x() - before.x(), after.y() - before.y());
  QVERIFY2(moved > 300 && moved < 700, qPrintable(QString::number(moved)));  // ~470 m in Jiading
}

void LayerPropertiesDialogTest::graduatedStyleWithNaturalBreaks() {
  MapDocument doc;
  auto ids = doc.addLayersFromFile(QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"));
  QVERIFY(ids.ok());
  QVERIFY(waitLoaded(doc));
  QString parks;
  for (const LayerState& s : doc.layers()) {
    if (s.spec.sourceLayer == QStringLiteral("parks")) parks = s.spec.id;
  }
  QVERIFY(!parks.isEmpty());
  LayerPropertiesDialog dialog(&doc, parks);
  dialog.showPage(LayerPropertiesDialog::Page::Style);
  auto* editor = dialog.findChild<StyleEditor*>();
  QVERIFY(editor != nullptr);
  comboWithItem(editor, QStringLiteral("Graduated"))->setCurrentText(QStringLiteral("Graduated"));
  comboWithItem(editor, QStringLiteral("area_m2"))->setCurrentText(QStringLiteral("area_m2"));
  comboWithItem(editor, QStringLiteral("Natural breaks (Jenks)"))->setCurrentText(QStringLiteral("Natural breaks (Jenks)"));
  editor->findChild<QSpinBox*>()->setValue(4);
  dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
  const auto& style = doc.layer(parks)->spec.vectorStyle;
  QCOMPARE(style.kind, xiuhua::gis::VectorStyle::Kind::Graduated);
  QCOMPARE(style.field, QStringLiteral("area_m2"));
  QCOMPARE(static_cast<int>(style.classes.size()), 4);
  QVERIFY(style.classes.front().lower < style.classes.back().upper);
  if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_SCREENSHOTS")) {
    dialog.resize(640, 600);
    dialog.show();
    QTest::qWait(100);
    dialog.grab().save(qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS") + QStringLiteral("/layer-properties-style.png"));
  }
}

void LayerPropertiesDialogTest::shapefileEncodingCanBeOverridden() {
  MapDocument doc;
  auto ids = doc.addLayersFromFile(QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"));
  QVERIFY(ids.ok());
  QVERIFY(waitLoaded(doc));
  QVERIFY(doc.layer(ids->front())->data->fieldIndex(QStringLiteral("状态")) >= 0);
  LayerPropertiesDialog dialog(&doc, ids->front());
  QComboBox* encoding = comboWithItem(&dialog, QStringLiteral("ISO-8859-1"));
  QVERIFY(encoding != nullptr);
  encoding->setCurrentText(QStringLiteral("ISO-8859-1"));
  dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
  QVERIFY(waitLoaded(doc));
  QCOMPARE(doc.layer(ids->front())->data->encoding.name, QStringLiteral("ISO-8859-1"));
  QVERIFY(doc.layer(ids->front())->data->fieldIndex(QStringLiteral("状态")) < 0);
}

QTEST_MAIN(LayerPropertiesDialogTest)
#include "layer_properties_dialog_test.moc"
