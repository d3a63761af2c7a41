#include "csv_numbers.h"

#include "translate.h"

#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <QRegularExpression>

#include <cmath>
#include <memory>
#include <unordered_map>

namespace xiuhua::gis::detail {
namespace {

QString tr(const char* text) { return detail::translate("VectorReader", text); }

struct FileCloser {
  void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};

const QRegularExpression kPlain(QStringLiteral(R"(^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"));
const QRegularExpression kThousands(QStringLiteral(R"(^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$)"));
const QRegularExpression kDecimalComma(QStringLiteral(R"(^[+-]?\d+,\d+$)"));

struct Cell {
  qint64 fid = 0;
  int line = 0;
  QString text;
};

enum class Reading { AsIs, Thousands, DecimalComma };

// The file's records as GDAL's CSV driver numbers them (FID 1 for the first record after the
// header; blank lines skipped), with their line numbers: the text of the numeric fields' values
// that are not plain numbers.
Status collectCells(const QString& path, const VectorData& data, const std::vector<int>& numeric, char& delimiter,
                    std::vector<std::vector<Cell>>& cells) {
  const QByteArray file = path.toUtf8();
  std::unique_ptr<VSILFILE, FileCloser> fp(VSIFOpenL(file.constData(), "rb"));
  if (!fp) return Error{ErrorCode::IoFailed, tr("%1: the file cannot be opened to check its numbers.").arg(path)};
  const char* first = CPLReadLineL(fp.get());
  delimiter = first != nullptr ? CSVDetectSeperator(first) : ',';
  VSIRewindL(fp.get());
  const char separator[2] = {delimiter, '\0'};
  cells.assign(numeric.size(), {});
  int line = 0;
  qint64 fid = 0;
  bool header = true;
  for (;;) {
    CPLStringList tokens(CSVReadParseLine3L(fp.get(), 0, separator, true, false, false, true));
    if (tokens.List() == nullptr) break;
    ++line;
    if (tokens.Count() == 0) continue;
    if (header) {  // the header, as GDAL takes it: a first line that is not all numbers
      header = false;
      bool allNumbers = true;
      for (int i = 0; i < tokens.Count(); ++i) allNumbers = allNumbers && kPlain.match(QString::fromUtf8(tokens[i]).trimmed()).hasMatch();
      if (!allNumbers) {
        if (tokens.Count() != static_cast<int>(data.fields.size())) return {};  // columns GDAL counts otherwise: nothing to align
        continue;
      }
    }
    ++fid;
    for (std::size_t k = 0; k < numeric.size(); ++k) {
      if (numeric[k] >= tokens.Count()) continue;
      const QString text = QString::fromUtf8(tokens[numeric[k]]).trimmed();
      if (!text.isEmpty() && !kPlain.match(text).hasMatch()) cells[k].push_back({fid, line, text});
    }
  }
  return {};
}

QString example(const Cell& c) { return tr("line %1: \"%2\"").arg(c.line).arg(c.text); }

}  // namespace

Result<CsvNumberCheck> checkCsvNumbers(const QString& path, VectorData& data) {
  CsvNumberCheck check;
  std::vector<int> numeric;
  for (std::size_t i = 0; i < data.fields.size(); ++i) {
    if (data.fields[i].type == Field::Type::Integer || data.fields[i].type == Field::Type::Real) numeric.push_back(static_cast<int>(i));
  }
  if (numeric.empty()) return check;
  char delimiter = ',';
  std::vector<std::vector<Cell>> cells;
  if (Status s = collectCells(path, data, numeric, delimiter, cells); !s) return s.error();
  std::unordered_map<qint64, std::size_t> rowOf;
  for (std::size_t r = 0; r < data.fids.size(); ++r) rowOf.emplace(data.fids[r], r);
  for (std::size_t k = 0; k < numeric.size() && k < cells.size(); ++k) {
    if (cells[k].empty()) continue;
    const Field& field = data.fields[static_cast<std::size_t>(numeric[k])];
    const Cell* thousands = nullptr;  // unambiguous examples of each reading
    const Cell* decimal = nullptr;
    bool ambiguous = false;
    for (const Cell& c : cells[k]) {
      const bool t = kThousands.match(c.text).hasMatch();
      const bool d = kDecimalComma.match(c.text).hasMatch();
      if (t && !d && thousands == nullptr) thousands = &c;
      if (d && !t && decimal == nullptr) decimal = &c;
      ambiguous = ambiguous || (t && d);
    }
    if (thousands != nullptr && decimal != nullptr) {
      return Error{ErrorCode::InvalidArgument,
                   tr("%1: field %2 writes numbers two ways — with thousands separators (%3) and with decimal commas (%4); "
                      "which one \"68,500\" is cannot be told. Write the numbers one way (e.g. 68500 and 68.5) and open it again.")
                       .arg(path, field.name, example(*thousands), example(*decimal))};
    }
    Reading reading = Reading::AsIs;
    if (thousands != nullptr) reading = Reading::Thousands;
    if (decimal != nullptr) reading = Reading::DecimalComma;
    // 3-digit groups alone ("68,500"): thousands in a comma-separated file, a decimal comma in a
    // semicolon-separated one, as each convention writes them.
    if (reading == Reading::AsIs && ambiguous) reading = delimiter == ';' ? Reading::DecimalComma : Reading::Thousands;
    int changed = 0;
    int notNumberCount = 0;
    QStringList notNumbers;
    const Cell* firstChanged = nullptr;
    for (const Cell& c : cells[k]) {
      QString text = c.text;
      const bool matches = (reading == Reading::Thousands && kThousands.match(text).hasMatch()) ||
                           (reading == Reading::DecimalComma && kDecimalComma.match(text).hasMatch());
      if (reading == Reading::Thousands) text.remove(QLatin1Char(','));
      if (reading == Reading::DecimalComma) text.replace(QLatin1Char(','), QLatin1Char('.'));
      bool ok = false;
      const double value = text.toDouble(&ok);
      const auto row = rowOf.find(c.fid);
      // Filtered out, or no field read at all (an empty row).
      if (row == rowOf.end() || data.attributes[row->second].size() <= static_cast<std::size_t>(numeric[k])) continue;
      QVariant& cell = data.attributes[row->second][static_cast<std::size_t>(numeric[k])];
      if (!matches || !ok) {
        if (++notNumberCount <= 3) notNumbers << example(c);
        cell = QVariant();
        continue;
      }
      cell = field.type == Field::Type::Integer && value == std::floor(value) ? QVariant::fromValue<qlonglong>(static_cast<qlonglong>(value))
                                                                            : QVariant(value);
      if (firstChanged == nullptr) firstChanged = &c;
      ++changed;
    }
    check.fields << field.name;
    if (changed > 0) {
      const QVariant shown = data.attributes[rowOf.at(firstChanged->fid)][static_cast<std::size_t>(numeric[k])];
      check.warnings << (reading == Reading::Thousands
                             ? tr("%1: field %2: %3 values are written with thousands separators and were read so (%4 → %5).")
                             : tr("%1: field %2: %3 values are written with a decimal comma and were read so (%4 → %5)."))
                            .arg(path, field.name)
                            .arg(changed)
                            .arg(example(*firstChanged), shown.toString());
    }
    if (!notNumbers.isEmpty()) {
      check.warnings << tr("%1: field %2: %3 values are not numbers and were left empty (%4).")
                            .arg(path, field.name)
                            .arg(notNumberCount)
                            .arg(notNumbers.join(QStringLiteral("; ")));
    }
  }
  return check;
}

}  // namespace xiuhua::gis::detail
