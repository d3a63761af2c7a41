#include "report/status_colors.h"

namespace xiuhua::app {

QColor statusColor(indicators::Status status) {
  switch (status) {
    case indicators::Status::Achieved: return QColor(0x1a, 0x98, 0x50);
    case indicators::Status::OnTrack: return QColor(0x66, 0xbd, 0x63);
    case indicators::Status::Behind: return QColor(0xfd, 0xae, 0x61);
    case indicators::Status::SeverelyBehind: return QColor(0xd7, 0x30, 0x27);
    case indicators::Status::NoData: return QColor(0xbd, 0xbd, 0xbd);
    case indicators::Status::Manual: return QColor(0x74, 0xad, 0xd1);
    case indicators::Status::NoBaseline: return QColor(0xd9, 0xd0, 0xe8);   // judges nothing: pale violet
    case indicators::Status::Unconfirmed: return QColor(0xf1, 0xd5, 0x4b);  // waits for an analyst: yellow
    case indicators::Status::NotApplicable: return QColor(0xee, 0xee, 0xee);
    case indicators::Status::NotMet: return QColor(0x99, 0x1f, 0x1f);
  }
  return Qt::gray;
}

}  // namespace xiuhua::app
