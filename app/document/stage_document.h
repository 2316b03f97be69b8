#pragma once

#include "document/editor_spec.h"
#include "ivs/diagnostics.h"
#include "ivs/stage.h"
#include "ivs/stage_changes.h"

#include <memory>
#include <optional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

class QUndoStack;

namespace document {

// The stage being worked on, apart from any view of it: the stage as the service last returned
// it, the pending edits (undoable one by one), the rules every edit is held to, what is known
// about the stage beside it (annotations on fields, the findings of the checks) and what applying
// the edits would send.
//
// Everything that changes the stage goes through here — a lookup, an edit typed in the tree, a
// file loaded by the command line, the re-read after applying — and every view (the tree model,
// the command line's review) reads it from here. Refused edits change nothing and say why.
class StageDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageDocument)
public:
    struct Annotation {
        QString text;   // short, for the Note column
        QString detail; // longer, for the tooltip
        bool isProblem = false;
        friend bool operator==(const Annotation &, const Annotation &) = default;
    };
    struct StorageChoice {
        QString label; // "recordings (bucket my-bucket)"
        QString arn;
    };

    explicit StageDocument(QObject *parent = nullptr);
    ~StageDocument() override;

    // The stage. A new stage drops the edits, their history, the annotations and the findings.
    void setStage(const ivs::Stage &stage);
    void clear();
    const std::optional<ivs::Stage> &stage() const { return m_stage; }
    QString arn() const; // empty when no stage is shown
    // After applying: the stage as the service now has it, keeping the edits that did not take.
    void replaceStageKeepingEdits(const ivs::Stage &stage);
    // Stale: the stage is the last good answer and the latest lookup failed. setStage() clears it.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    // Pending edits.
    QUndoStack *undoStack() const { return m_undo.get(); }
    bool hasPendingEdits() const { return m_original != m_edited; }
    const ivs::EditableConfig &originalConfig() const { return m_original; }
    const ivs::EditableConfig &editedConfig() const { return m_edited; }
    // What applying would send: each field old → new and the requests.
    ivs::StageChanges pendingChanges() const;
    QString review() const { return pendingChanges().reviewText(); }
    // Replaces every pending edit with `config`, as one undoable step (e.g. from a file).
    bool setEditedConfig(const ivs::EditableConfig &config, const QString &description,
                         QString *error = nullptr);
    // Loads a document written by exportDocument() (or `export`) as pending edits.
    bool loadDocument(const QByteArray &json, QString *error);
    QByteArray exportDocument() const;
    void revertEdits(); // drops every pending edit and the undo history

    // One field, by path ("name", "autoParticipantRecordingConfiguration.mediaTypes",
    // tags["key"]). `value` is what an editor holds: text, a list of choices, a number, a bool.
    // False, with the reason in `error` and editRejected(), when the value or the edit is refused.
    bool setValue(const QString &path, const QVariant &value, QString *error = nullptr);
    // How the field takes an edit now; kind None with the reason when it takes none.
    EditorSpec editorSpec(const QString &path) const;
    bool isEditable(const QString &path) const { return editorSpec(path).isEditable(); }

    bool addTag(const QString &key, const QString &value, QString *error = nullptr);
    bool renameTag(const QString &key, const QString &newKey, QString *error = nullptr);
    bool removeTag(const QString &key, QString *error = nullptr);

    // Storage configurations offered for storageConfigurationArn: those of the shown stage's
    // region, as listed just now. An empty list says the region has none, and the picker says
    // how to create one.
    void setStorageChoices(const QList<StorageChoice> &choices);
    // Before (or instead of) a listing: nothing is known about the region's configurations.
    void forgetStorageChoices();
    const QList<StorageChoice> &storageChoices() const { return m_storageChoices; }
    // The region the choices were listed in; empty when they were not listed.
    const QString &storageChoicesRegion() const { return m_storageChoicesRegion; }
    // How many storage configurations the shown stage's region has; nullopt when not listed.
    std::optional<int> storageConfigurationsInRegion() const;

    // Something learnt elsewhere about the service's value of the field at `path` (what its
    // storage configuration ARN refers to, say). An empty `text` removes it.
    void setAnnotation(const QString &path, const QString &text, const QString &detail = {},
                       bool isProblem = false);
    // The annotation of the field, or null. Hidden (null) while the field has a pending edit,
    // which it does not describe, unless `evenIfEdited`.
    const Annotation *annotation(const QString &path, bool evenIfEdited = false) const;
    // The annotation's text, shown or not; empty when there is none.
    QString annotationText(const QString &path) const;
    // What the checks found about the stage.
    void setFindings(const QList<ivs::Finding> &findings);
    const QList<ivs::Finding> &findings() const { return m_findings; }

signals:
    // A new stage, or none: everything shown of the old one is gone.
    void stageReset();
    // The pending edits changed (an edit, undo, redo, revert, a file loaded).
    void editsChanged();
    void pendingEditsChanged(bool pending);
    void staleChanged(bool stale);
    void annotationChanged(const QString &path);
    void findingsChanged();
    // An edit was refused; `reason` is ready to show.
    void editRejected(const QString &reason);
    // The storage configurations offered changed (listed, or forgotten).
    void storageChoicesChanged();

private:
    friend class ConfigEditCommand;
    void showEditedConfig(const ivs::EditableConfig &config); // no undo record
    void resetToStage(const ivs::Stage &stage);               // keeps the undo history
    bool pushEdit(const ivs::EditableConfig &after, const QString &description);
    bool refuse(const QString &reason, QString *error);

    std::optional<ivs::Stage> m_stage;
    bool m_stale = false;
    ivs::EditableConfig m_original;
    ivs::EditableConfig m_edited;
    std::unique_ptr<QUndoStack> m_undo;
    QList<StorageChoice> m_storageChoices;
    QString m_storageChoicesRegion;
    QHash<QString, Annotation> m_annotations; // by field path
    QList<ivs::Finding> m_findings;
};

} // namespace document
