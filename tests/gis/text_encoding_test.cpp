#include "support/dbf_fixture.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/text_encoding.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>

namespace xiuhua::gis {
namespace {

const QString kOverheadLines = QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp");
const QString kRoads = QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp");

void setLanguageDriver(const QString& shp, unsigned char ldid) {
  QFile dbf(QString(shp).replace(QStringLiteral(".shp"), QStringLiteral(".dbf")));
  ASSERT_TRUE(dbf.open(QIODevice::ReadWrite));
  dbf.seek(29);
  dbf.write(reinterpret_cast<const char*>(&ldid), 1);
}

QStringList names(const VectorData& data) {
  QStringList out;
  const int field = data.fieldIndex(QStringLiteral("name"));
  for (const auto& row : data.attributes) out << (field >= 0 ? row[static_cast<std::size_t>(field)].toString() : QString());
  return out;
}

TEST(TextEncoding, StrictUtf8) {
  EXPECT_TRUE(isStrictUtf8(QStringLiteral("南翔镇 abc").toUtf8()));
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("c4cfcfe8d5f2")));  // 南翔镇 in GBK
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("c0af")));          // overlong '/'
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("eda080")));        // UTF-16 surrogate
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("e4b8")));          // truncated
  EXPECT_TRUE(isStrictUtf8(QByteArray()));
}

// .cpg names as ESRI, GDAL, QGIS and mapshaper write them, each to the encoding it means.
TEST(TextEncoding, CpgNamesByTheRulesOfGdalAndEsri) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"936\r\n", "GB18030"},     {"GBK", "GB18030"},          {"gb2312", "GB18030"},       {"54936", "GB18030"},
      {"UTF-8", "UTF-8"},         {"utf8", "UTF-8"},           {"65001", "UTF-8"},          {"1252", "CP1252"},
      {"ANSI_1251", "CP1251"},    {"ANSI 1251", "CP1251"},     {"1251", "CP1251"},          {"Windows-1250", "CP1250"},
      {"88592", "ISO-8859-2"},    {"8859-2", "ISO-8859-2"},    {"28592", "ISO-8859-2"},     {"latin2", "ISO-8859-2"},
      {"Latin-2", "ISO-8859-2"},  {"ISO-8859-2", "ISO-8859-2"}, {"ISO_8859_5", "ISO-8859-5"}, {"28605", "ISO-8859-15"},
      {"8859-15", "ISO-8859-15"}, {"latin1", "ISO-8859-1"},    {"koi8r", "KOI8-R"},         {"KOI8-R", "KOI8-R"},
      {"20866", "KOI8-R"},        {"EUC-KR", "EUC-KR"},        {"51949", "EUC-KR"},         {"949", "CP949"},
      {"Big-5", "CP950"},         {"BIG5", "CP950"},           {"950", "CP950"},            {"874", "CP874"},
      {"shiftjis", "CP932"},      {"SHIFTJIS", "CP932"},       {"Shift_JIS", "CP932"},      {"932", "CP932"},
      {"EUC-JP", "EUC-JP"},       {"437", "CP437"},            {"IBM850", "CP850"},         {"OEM 866", "CP866"},
      {"LDID/77", "GB18030"}};
  for (const auto& [cpg, expected] : cases) {
    EXPECT_EQ(encodingFromCpg(cpg).value_or(QStringLiteral("(none)")), QString::fromLatin1(expected)) << cpg;
    EXPECT_TRUE(isKnownEncoding(QString::fromLatin1(expected))) << expected << " is not decodable by ICU";
    // GDAL writes shapefiles through iconv: every canonical name must be one iconv knows too.
    iconv_t cd = iconv_open("UTF-8", expected);
    EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << expected << " is unknown to iconv";
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
  EXPECT_FALSE(encodingFromCpg("  ").has_value());
  EXPECT_FALSE(encodingFromCpg("NOT-AN-ENCODING").has_value());
  EXPECT_FALSE(encodingFromCpg("99999").has_value());
}

TEST(TextEncoding, LanguageDriverIds) {
  EXPECT_EQ(encodingForLanguageDriver(0x4D), QStringLiteral("GB18030"));
  EXPECT_EQ(encodingForLanguageDriver(0x7A), QStringLiteral("GB18030"));
  EXPECT_EQ(encodingForLanguageDriver(0x4F), QStringLiteral("CP950"));
  EXPECT_EQ(encodingForLanguageDriver(0xC9), QStringLiteral("CP1251"));
  EXPECT_FALSE(encodingForLanguageDriver(0).has_value());
  EXPECT_FALSE(encodingForLanguageDriver(0x57).has_value());  // "ANSI": decided by detection
}

TEST(TextEncoding, DecodesAndEncodesThroughIcu) {
  EXPECT_EQ(decodeText(QByteArray::fromHex("bcdcbfd5"), QStringLiteral("GB18030")), QStringLiteral("架空"));
  EXPECT_EQ(decodeText(test::iconvEncode(QStringLiteral("國語"), "BIG5"), QStringLiteral("CP950")), QStringLiteral("國語"));
  EXPECT_EQ(decodeText(test::iconvEncode(QStringLiteral("čeština"), "ISO-8859-2"), QStringLiteral("ISO-8859-2")), QStringLiteral("čeština"));
  EXPECT_EQ(encodeText(QStringLiteral("架空"), QStringLiteral("GB18030")), QByteArray::fromHex("bcdcbfd5"));
  EXPECT_FALSE(decodesCleanly(QByteArray::fromHex("bcdcbfd5"), QStringLiteral("UTF-8")));
  EXPECT_TRUE(decodeText(QByteArray::fromHex("ff"), QStringLiteral("GB18030")).contains(QChar(0xFFFD)));  // shown, never dropped
}

// The issue's cases: mapshaper-style .cpg files, and the shapefile reached by its .shp, its .dbf,
// its folder and a .zip — each decoded once, right.
TEST(TextEncoding, EveryPathToADbfDecodesItsCpgOnce) {
  struct Case {
    const char* cpg;
    const char* iconvName;
    QString text;
  };
  const std::vector<Case> cases = {{"latin2", "ISO-8859-2", QStringLiteral("čeština")},
                                   {"88592", "ISO-8859-2", QStringLiteral("Příliš žluťoučký kůň")},
                                   {"1251", "CP1251", QStringLiteral("РУССКИЙ")},
                                   {"ANSI_1251", "CP1251", QStringLiteral("Москва")},
                                   {"koi8r", "KOI8-R", QStringLiteral("РУССКИЙ")},
                                   {"EUC-KR", "EUC-KR", QStringLiteral("한국어")},
                                   {"51949", "EUC-KR", QStringLiteral("서울특별시")},
                                   {"Big-5", "BIG5", QStringLiteral("國語")},
                                   {"874", "CP874", QStringLiteral("ภาษาไทย")},
                                   {"shiftjis", "SHIFT_JIS", QStringLiteral("日本語")},
                                   {"SHIFTJIS", "SHIFT_JIS", QStringLiteral("東京都")},
                                   {"936", "GBK", QStringLiteral("架空线")}};
  for (const Case& c : cases) {
    test::TempDir dir;
    const QString shp = test::writeRawShapefile(dir, QStringLiteral("layer"), {test::iconvEncode(c.text, c.iconvName)}, c.cpg);
    const QString zip = test::zipShapefile(dir, QStringLiteral("layer"), QStringLiteral("layer.zip"));
    const QString dbf = dir.path(QStringLiteral("layer.dbf"));
    for (const QString& path : {shp, dbf, QFileInfo(shp).absolutePath(), zip}) {
      auto data = VectorReader::read(path);
      ASSERT_TRUE(data.ok()) << c.cpg << " " << path.toStdString() << ": " << data.error().message.toStdString();
      EXPECT_EQ(names(*data.value()), QStringList{c.text}) << c.cpg << " via " << path.toStdString();
      EXPECT_EQ(data.value()->encoding.source, EncodingSource::Cpg) << c.cpg;
      EXPECT_TRUE(data.value()->warnings.isEmpty() && encodingWarning(*data.value()).isEmpty())
          << c.cpg << ": " << data.value()->warnings.join(QLatin1Char('\n')).toStdString();
    }
  }
}

TEST(TextEncoding, AFilterOnTheDbfPathMatchesTheDecodedText) {
  test::TempDir dir;
  test::writeRawShapefile(dir, QStringLiteral("layer"), {test::iconvEncode(QStringLiteral("架空"), "GBK"), test::iconvEncode(QStringLiteral("入地"), "GBK")},
                          "936");
  ReadOptions options;
  options.where = QStringLiteral("name = '入地'");
  auto data = VectorReader::read(dir.path(QStringLiteral("layer.dbf")), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(names(*data.value()), QStringList{QStringLiteral("入地")});
}

// Fixtures in each encoding, without .cpg and with language id 0: decoded right, or flagged as
// uncertain with the right encoding among the first two candidates.
struct DetectionCase {
  const char* label;
  const char* iconvName;
  QStringList values;
};

void expectDetected(const DetectionCase& c, const QList<QByteArray>& bytes) {
  test::TempDir dir;
  const QString shp = test::writeRawShapefile(dir, QStringLiteral("layer"), bytes);
  auto data = VectorReader::read(shp);
  ASSERT_TRUE(data.ok()) << c.label << ": " << data.error().message.toStdString();
  const TextEncoding& e = data.value()->encoding;
  EXPECT_EQ(e.source, EncodingSource::Detected) << c.label;
  if (names(*data.value()) == c.values) {
    SUCCEED();
    return;
  }
  // Not decoded right: it must say it is unsure, and offer the right reading second.
  EXPECT_TRUE(e.isWeak()) << c.label << ": decoded wrongly as " << e.name.toStdString() << " with confidence " << e.confidence << ": "
                          << names(*data.value()).join(QLatin1Char(' ')).toStdString();
  ASSERT_FALSE(e.runnerUp.isEmpty()) << c.label;
  QList<QByteArray> decodedSecond;
  QStringList second;
  for (const QByteArray& b : bytes) second << decodeText(b, e.runnerUp);
  EXPECT_EQ(second, c.values) << c.label << ": the runner-up " << e.runnerUp.toStdString() << " does not read it right either";
  EXPECT_TRUE(encodingWarning(*data.value()).contains(QStringLiteral("encoding=NAME"))) << c.label;
}

TEST(TextEncodingDetection, LongTextInEachEncodingIsDecodedRight) {
  const std::vector<DetectionCase> cases = {
      {"GBK", "GBK", {QStringLiteral("南翔镇架空线入地工程"), QStringLiteral("嘉定镇街道城市运行管理中心"), QStringLiteral("国网上海市电力公司嘉定供电公司"),
                      QStringLiteral("马陆镇美丽街区建设项目"), QStringLiteral("安亭镇公交站点覆盖"), QStringLiteral("外冈镇农村居民点")}},
      {"GB18030", "GB18030", {QStringLiteral("江桥镇𠮷祥路架空线"), QStringLiteral("安亭镇㐀字号街坊"), QStringLiteral("菊园新区城市管理综合执法大队")}},
      {"Big5", "BIG5", {QStringLiteral("臺北市中正區重慶南路一段"), QStringLiteral("新北市板橋區縣民大道二段"), QStringLiteral("高雄市前鎮區成功二路"),
                        QStringLiteral("臺中市西屯區臺灣大道三段"), QStringLiteral("國立臺灣大學附設醫院")}},
      {"UTF-8", "UTF-8", {QStringLiteral("南翔镇"), QStringLiteral("Zürich Straße"), QStringLiteral("外冈镇")}},
      {"Latin-1", "ISO-8859-1", {QStringLiteral("Peçeña México"), QStringLiteral("São Paulo"), QStringLiteral("Zürich Genève"),
                                 QStringLiteral("Málaga, Córdoba y Cádiz"), QStringLiteral("Ciudad de México, Distrito Federal"),
                                 QStringLiteral("Calle de Alcalá número 12"), QStringLiteral("Plaza de España, Sevilla"),
                                 QStringLiteral("Praça da Sé, São Paulo"), QStringLiteral("Avenida João Pessoa, Porto Alegre")}},
      {"Windows-1252", "CP1252", {QStringLiteral("Café “Le Petit” – naïve"), QStringLiteral("Œuvre € 12"), QStringLiteral("Straße"),
                                  QStringLiteral("Hôtel de Ville – Genève"), QStringLiteral("Rue de l’Église, Besançon"),
                                  QStringLiteral("Château-Thierry, Aisne"), QStringLiteral("Gänsemarkt, Hamburg")}},
      {"Shift-JIS", "SHIFT_JIS", {QStringLiteral("東京都新宿区西新宿"), QStringLiteral("大阪府大阪市北区梅田"), QStringLiteral("ひらがなとカタカナ")}},
      {"EUC-KR", "EUC-KR", {QStringLiteral("서울특별시 종로구 세종대로"), QStringLiteral("부산광역시 해운대구"), QStringLiteral("대한민국 국토교통부"),
                            QStringLiteral("인천광역시 남동구 구월동"), QStringLiteral("경기도 수원시 팔달구"), QStringLiteral("대구광역시 중구 동성로")}}};
  for (const DetectionCase& c : cases) {
    QList<QByteArray> bytes;
    for (const QString& v : c.values) bytes << test::iconvEncode(v, c.iconvName);
    test::TempDir dir;
    const QString shp = test::writeRawShapefile(dir, QStringLiteral("layer"), bytes);
    auto data = VectorReader::read(shp);
    ASSERT_TRUE(data.ok()) << c.label;
    EXPECT_EQ(names(*data.value()), c.values) << c.label << " read as " << data.value()->encoding.name.toStdString();
    // The Chinese encodings (and UTF-8, Shift-JIS) are told apart with confidence; Latin-1 from
    // Latin-2, or Korean from GBK under the GB18030 prior, may rightly be reported as uncertain.
    const std::string label = c.label;
    if (label != "Latin-1" && label != "Windows-1252" && label != "EUC-KR") {
      EXPECT_FALSE(data.value()->encoding.isWeak()) << c.label << ": confidence " << data.value()->encoding.confidence;
    }
  }
}

TEST(TextEncodingDetection, Utf8WithAByteOrderMark) {
  QByteArray bom = QByteArray::fromHex("efbbbf") + QStringLiteral("南翔镇").toUtf8();
  test::TempDir dir;
  auto data = VectorReader::read(test::writeRawShapefile(dir, QStringLiteral("layer"), {bom, QStringLiteral("嘉定镇街道").toUtf8()}));
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("UTF-8"));
  EXPECT_FALSE(data.value()->encoding.isWeak());
  EXPECT_EQ(names(*data.value()).at(1), QStringLiteral("嘉定镇街道"));
}

TEST(TextEncodingDetection, ShortValuesAreRightOrFlaggedWithTheRightRunnerUp) {
  const std::vector<DetectionCase> cases = {{"GBK short", "GBK", {QStringLiteral("架空")}},
                                            {"GBK 4", "GBK", {QStringLiteral("南翔镇区")}},
                                            {"Big5 short", "BIG5", {QStringLiteral("國語")}},
                                            {"Big5 4", "BIG5", {QStringLiteral("繁體國語")}},
                                            {"Shift-JIS short", "SHIFT_JIS", {QStringLiteral("東京")}},
                                            {"Shift-JIS kana", "SHIFT_JIS", {QStringLiteral("カタカナ")}},
                                            {"EUC-KR short", "EUC-KR", {QStringLiteral("서울")}},
                                            {"EUC-KR 4", "EUC-KR", {QStringLiteral("대한민국")}},
                                            {"Latin-1 short", "ISO-8859-1", {QStringLiteral("Peña")}},
                                            {"UTF-8 short", "UTF-8", {QStringLiteral("架空")}}};
  for (const DetectionCase& c : cases) {
    QList<QByteArray> bytes;
    for (const QString& v : c.values) bytes << test::iconvEncode(v, c.iconvName);
    expectDetected(c, bytes);
  }
}

TEST(TextEncoding, TheDemosGbkLayerIsDetectedWithoutAWarning) {
  auto data = VectorReader::read(kOverheadLines);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("GB18030"));
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Detected);
  EXPECT_FALSE(data.value()->encoding.isWeak()) << data.value()->encoding.confidence;
  EXPECT_TRUE(data.value()->warnings.isEmpty()) << data.value()->warnings.join(QLatin1Char('\n')).toStdString();
  EXPECT_TRUE(encodingWarning(*data.value()).isEmpty()) << encodingWarning(*data.value()).toStdString();
  const int status = data.value()->fieldIndex(QStringLiteral("状态"));
  ASSERT_GE(status, 0);
  bool sawBuried = false;
  for (const auto& row : data.value()->attributes) {
    const QString v = row[static_cast<std::size_t>(status)].toString();
    EXPECT_TRUE(v == QStringLiteral("架空") || v == QStringLiteral("入地")) << v.toStdString();
    sawBuried = sawBuried || v == QStringLiteral("入地");
  }
  EXPECT_TRUE(sawBuried);
}

TEST(TextEncoding, CpgComesFirst) {
  auto data = VectorReader::read(kRoads);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Cpg);
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("UTF-8"));

  test::TempDir dir;
  const QString copy = dir.copy(kOverheadLines, QStringLiteral("架空线"));
  dir.write(QStringLiteral("架空线.cpg"), "936");
  auto withCpg = VectorReader::read(copy);
  ASSERT_TRUE(withCpg.ok());
  EXPECT_EQ(withCpg.value()->encoding.source, EncodingSource::Cpg);
  EXPECT_GE(withCpg.value()->fieldIndex(QStringLiteral("线路名称")), 0);
}

// A .cpg that says UTF-8 over GBK text (a common export mistake) is not believed: the text is
// detected and the user told why.
TEST(TextEncoding, AWrongCpgIsOverruledAndSaidSo) {
  test::TempDir dir;
  const QString copy = dir.copy(kOverheadLines);
  dir.write(QStringLiteral("overhead_lines.cpg"), "UTF-8");
  auto data = VectorReader::read(copy);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("GB18030"));
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Detected);
  EXPECT_GE(data.value()->fieldIndex(QStringLiteral("线路名称")), 0);
  EXPECT_TRUE(encodingWarning(*data.value()).contains(QStringLiteral(".cpg"))) << encodingWarning(*data.value()).toStdString();

  dir.write(QStringLiteral("overhead_lines.cpg"), "MY-OWN-CHARSET");
  auto unknown = VectorReader::read(copy);
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown.value()->encoding.name, QStringLiteral("GB18030"));
  EXPECT_TRUE(encodingWarning(*unknown.value()).contains(QStringLiteral("MY-OWN-CHARSET")));
}

// A DBF cuts a long text at its field's width in bytes, often inside a character: the .cpg still
// holds (UTF-8 or GBK), and the cut value keeps all but its last, broken character.
TEST(TextEncoding, AValueCutInsideACharacterDoesNotOverruleTheCpg) {
  for (const auto& [cpg, iconvName] : {std::pair{"UTF-8", "UTF-8"}, std::pair{"936", "GBK"}}) {
    test::TempDir dir;
    const QByteArray whole = test::iconvEncode(QStringLiteral("嘉定区城市管理精细化"), iconvName);
    const QByteArray cut = whole.left(whole.size() - 1);  // the last character's first byte(s) only
    const QString shp = test::writeRawShapefile(dir, QStringLiteral("layer"), {cut, test::iconvEncode(QStringLiteral("南翔镇"), iconvName)}, cpg);
    auto data = VectorReader::read(shp);
    ASSERT_TRUE(data.ok());
    EXPECT_EQ(data.value()->encoding.source, EncodingSource::Cpg) << cpg;
    EXPECT_EQ(names(*data.value()).at(1), QStringLiteral("南翔镇")) << cpg;
    EXPECT_TRUE(names(*data.value()).at(0).startsWith(QStringLiteral("嘉定区城市管理精细"))) << cpg;
  }
}

TEST(TextEncoding, LanguageDriverIdComesBeforeDetection) {
  test::TempDir dir;
  const QString copy = dir.copy(kOverheadLines);
  setLanguageDriver(copy, 0x4D);
  auto data = VectorReader::read(copy);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::LanguageDriver);
  EXPECT_GE(data.value()->fieldIndex(QStringLiteral("权属单位")), 0);

  setLanguageDriver(copy, 0x57);  // ANSI: falls through to detection, still GBK
  auto ansi = VectorReader::read(copy);
  EXPECT_EQ(ansi.value()->encoding.source, EncodingSource::Detected);
  EXPECT_EQ(ansi.value()->encoding.name, QStringLiteral("GB18030"));
}

TEST(TextEncoding, OverrideWins) {
  ReadOptions options;
  options.encodingOverride = QStringLiteral("ISO-8859-1");
  auto data = VectorReader::read(kOverheadLines, options);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Override);
  EXPECT_LT(data.value()->fieldIndex(QStringLiteral("状态")), 0);  // mojibake, as asked

  options.encodingOverride = QStringLiteral("gbk");  // any name a user types, canonical
  auto gbk = VectorReader::read(kOverheadLines, options);
  ASSERT_TRUE(gbk.ok());
  EXPECT_EQ(gbk.value()->encoding.name, QStringLiteral("GB18030"));
  EXPECT_GE(gbk.value()->fieldIndex(QStringLiteral("状态")), 0);

  options.encodingOverride = QStringLiteral("klingon-8");
  auto unknown = VectorReader::read(kOverheadLines, options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("klingon-8")));
}

TEST(TextEncoding, AGbkCsvIsDetectedAndItsFilterEncoded) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("站点.csv"), test::iconvEncode(QStringLiteral("名称,状态,lon,lat\n"
                                                                                       "南翔站,在用,121.30,31.29\n"
                                                                                       "马陆站,停用,121.28,31.33\n"
                                                                                       "嘉定北站,在用,121.25,31.40\n"),
                                                                           "GBK"));
  ReadOptions options;
  options.where = QStringLiteral("状态 = '在用'");
  auto data = VectorReader::read(csv, options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("GB18030"));
  EXPECT_EQ(data.value()->featureCount(), 2U);
  const int name = data.value()->fieldIndex(QStringLiteral("名称"));
  ASSERT_GE(name, 0);
  EXPECT_EQ(data.value()->attributes[0][static_cast<std::size_t>(name)].toString(), QStringLiteral("南翔站"));
}

}  // namespace
}  // namespace xiuhua::gis
