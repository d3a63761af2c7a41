#include "xiuhua/gis/edit/feature_edit_command.h"

namespace xiuhua::gis {

FeatureEditCommand::FeatureEditCommand(EditBuffer* buffer, std::vector<Change> changes, const QString& text, int mergeId, Report report)
    : mBuffer(buffer), mMergeId(mergeId), mReport(std::move(report)) {
  setText(text);
  for (Change& c : changes) {
    Step step{c.first, buffer->overrideOf(c.first), FeatureOverride{true, std::move(c.second)}};
    mSteps.push_back(std::move(step));
  }
}

std::unique_ptr<FeatureEditCommand> FeatureEditCommand::addFeature(EditBuffer* buffer, Geometry geometry, AttributeRow attributes,
                                                                   const QString& text, Report report) {
  const qint64 fid = buffer->newFid();
  attributes.resize(buffer->base().fields.size());
  std::vector<Change> changes{{fid, EditedFeature{fid, std::move(geometry), std::move(attributes)}}};
  return std::make_unique<FeatureEditCommand>(buffer, std::move(changes), text, -1, std::move(report));
}

std::unique_ptr<FeatureEditCommand> FeatureEditCommand::deleteFeatures(EditBuffer* buffer, const std::vector<qint64>& fids,
                                                                       const QString& text, Report report) {
  std::vector<Change> changes;
  for (qint64 fid : fids) {
    if (buffer->feature(fid)) changes.emplace_back(fid, std::nullopt);
  }
  return std::make_unique<FeatureEditCommand>(buffer, std::move(changes), text, -1, std::move(report));
}

std::unique_ptr<FeatureEditCommand> FeatureEditCommand::changeGeometry(EditBuffer* buffer, qint64 fid, Geometry geometry,
                                                                       const QString& text, bool merge, Report report) {
  std::optional<EditedFeature> f = buffer->feature(fid);
  std::vector<Change> changes;
  if (f) {
    f->geometry = std::move(geometry);
    changes.emplace_back(fid, std::move(f));
  }
  return std::make_unique<FeatureEditCommand>(buffer, std::move(changes), text, merge ? kDragMergeId : -1, std::move(report));
}

std::unique_ptr<FeatureEditCommand> FeatureEditCommand::changeAttribute(EditBuffer* buffer, qint64 fid, int field, QVariant value,
                                                                        const QString& text, Report report) {
  std::optional<EditedFeature> f = buffer->feature(fid);
  std::vector<Change> changes;
  if (f && field >= 0 && static_cast<std::size_t>(field) < buffer->base().fields.size()) {
    f->attributes.resize(buffer->base().fields.size());
    f->attributes[static_cast<std::size_t>(field)] = std::move(value);
    changes.emplace_back(fid, std::move(f));
  }
  return std::make_unique<FeatureEditCommand>(buffer, std::move(changes), text, -1, std::move(report));
}

void FeatureEditCommand::apply(bool forward) {
  for (const Step& s : mSteps) {
    if (Status st = mBuffer->setOverride(s.fid, forward ? s.after : s.before); !st && mReport) mReport(st.error().message);
  }
}

void FeatureEditCommand::redo() { apply(true); }
void FeatureEditCommand::undo() {
  // In reverse, so that a step touching a feature twice ends where it began.
  for (auto it = mSteps.rbegin(); it != mSteps.rend(); ++it) {
    if (Status st = mBuffer->setOverride(it->fid, it->before); !st && mReport) mReport(st.error().message);
  }
}

bool FeatureEditCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = dynamic_cast<const FeatureEditCommand*>(other);
  if (next == nullptr || next->mBuffer != mBuffer || next->mSteps.size() != mSteps.size()) return false;
  for (std::size_t i = 0; i < mSteps.size(); ++i) {
    if (mSteps[i].fid != next->mSteps[i].fid) return false;
  }
  for (std::size_t i = 0; i < mSteps.size(); ++i) mSteps[i].after = next->mSteps[i].after;  // keep my before
  return true;
}

std::vector<qint64> FeatureEditCommand::fids() const {
  std::vector<qint64> out;
  for (const Step& s : mSteps) out.push_back(s.fid);
  return out;
}

}  // namespace xiuhua::gis
