#pragma once

#include "xiuhua/gis/edit/edit_buffer.h"

#include <QUndoCommand>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace xiuhua::gis {

// One user edit of an editing session as an undoable step: for each feature it touches, the state
// after (a new version, or deleted) — the state before is taken from the session when the step is
// made, so undo puts back exactly what was there. Steps with the same merge id on the same features
// merge into one (a drag of a vertex is one step, however many moves it took).
class FeatureEditCommand : public QUndoCommand {
 public:
  using Report = std::function<void(const QString& problem)>;  // e.g. the journal could not be written
  using Change = std::pair<qint64, std::optional<EditedFeature>>;

  FeatureEditCommand(EditBuffer* buffer, std::vector<Change> changes, const QString& text, int mergeId = -1, Report report = {});

  // The usual edits. A new feature gets a new (negative) fid; attributes in the layer's field order.
  static std::unique_ptr<FeatureEditCommand> addFeature(EditBuffer* buffer, Geometry geometry, AttributeRow attributes,
                                                        const QString& text, Report report = {});
  static std::unique_ptr<FeatureEditCommand> deleteFeatures(EditBuffer* buffer, const std::vector<qint64>& fids, const QString& text,
                                                            Report report = {});
  // With merge (a drag), successive geometry changes of the same feature merge into one step.
  static std::unique_ptr<FeatureEditCommand> changeGeometry(EditBuffer* buffer, qint64 fid, Geometry geometry, const QString& text,
                                                            bool merge = false, Report report = {});
  static std::unique_ptr<FeatureEditCommand> changeAttribute(EditBuffer* buffer, qint64 fid, int field, QVariant value,
                                                             const QString& text, Report report = {});

  static constexpr int kDragMergeId = 0x58480001;  // "XH" drag

  void redo() override;
  void undo() override;
  int id() const override { return mMergeId; }
  bool mergeWith(const QUndoCommand* other) override;
  // Where a problem of the step is told (e.g. the journal could not be written); whoever owns the
  // undo stack sets it, so it outlives the tool that made the step.
  void setReport(Report report) { mReport = std::move(report); }
  // The fids the step touches (for the map to redraw, the table to refresh).
  std::vector<qint64> fids() const;

 private:
  struct Step {
    qint64 fid;
    FeatureOverride before;
    FeatureOverride after;
  };
  void apply(bool forward);  // forward: redo

  EditBuffer* mBuffer;
  std::vector<Step> mSteps;
  int mMergeId;
  Report mReport;
};

}  // namespace xiuhua::gis
