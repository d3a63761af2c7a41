#include "xiuhua/gis/text_encoding.h"

#include "text/charset_detector.h"
#include "translate.h"

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("Encoding", text); }

// Detection, with the reason the declaration was passed over (if any) as the note.
TextEncoding detected(const EncodingEvidence& evidence, const QString& note) {
  const detail::EncodingDetection d = detail::detectEncodings(evidence.sample, evidence.preferChinese);
  TextEncoding e;
  e.source = EncodingSource::Detected;
  e.note = note;
  if (d.candidates.empty()) {  // nothing reads it cleanly: UTF-8 with replacement characters shows where
    e.name = QStringLiteral("UTF-8");
    e.confidence = 0;
    return e;
  }
  e.name = d.candidates.front().name;
  e.confidence = d.confidence;
  e.candidates = d.candidates;
  e.runnerUp = d.runnerUp;
  return e;
}

}  // namespace

QString encodingSourceLabel(EncodingSource source) {
  switch (source) {
    case EncodingSource::Cpg: return tr(".cpg file");
    case EncodingSource::LanguageDriver: return tr("DBF language driver");
    case EncodingSource::Detected: return tr("detected");
    case EncodingSource::Override: return tr("set by user");
    case EncodingSource::Native: return tr("format (UTF-8)");
  }
  return {};
}

TextEncoding decideEncoding(const EncodingEvidence& evidence) {
  QString note;
  if (evidence.cpg) {
    const QString declared = QString::fromLatin1(*evidence.cpg).trimmed();
    if (const auto name = encodingFromCpg(*evidence.cpg)) {
      if (detail::readsCleanly(evidence.sample, *name)) return {*name, EncodingSource::Cpg, 100, {}, {}, {}};
      note = tr("its .cpg says %1, but the text is not valid %1").arg(declared);
    } else if (!declared.isEmpty()) {
      note = tr("its .cpg names \"%1\", which is not an encoding Xiuhua knows").arg(declared.left(40));
    }
  }
  if (const auto name = encodingForLanguageDriver(evidence.languageDriver)) {
    if (detail::readsCleanly(evidence.sample, *name)) return {*name, EncodingSource::LanguageDriver, 100, {}, {}, note};
    if (note.isEmpty()) {
      note = tr("its DBF header says %1 (language id 0x%2), but the text is not valid %1")
                 .arg(*name)
                 .arg(evidence.languageDriver, 2, 16, QLatin1Char('0'));
    }
  }
  return detected(evidence, note);
}

}  // namespace xiuhua::gis
