#pragma once

// Internal: detection of a text encoding from the bytes alone. Never in public headers.
#include "xiuhua/gis/text_encoding.h"

#include <QByteArray>

namespace xiuhua::gis::detail {

struct EncodingDetection {
  std::vector<EncodingCandidate> candidates;  // best first; empty when no encoding reads the bytes cleanly
  QString runnerUp;                           // the best candidate that reads the text differently
  int confidence = 0;                         // 0–100: how far the first leads the runner-up
};

// True when every line of the sample (a value) decodes cleanly in the encoding, allowing a value
// to end in an incomplete character: a DBF's fixed-width text field cuts a long value at a byte,
// often inside a character, whatever the encoding.
bool readsCleanly(const QByteArray& sample, const QString& encoding);

// Ranks the encodings that read the bytes cleanly (as readsCleanly): ICU's detector (ucsdet) where the sample is long
// enough for it, how plausible each decoding is (common characters of the standard's first level,
// accented letters beside plain ones, no script mixed inside a word), and with preferChinese a
// prior for GB18030 (the encoding of most Chinese district data without a declaration).
EncodingDetection detectEncodings(const QByteArray& text, bool preferChinese);

}  // namespace xiuhua::gis::detail
