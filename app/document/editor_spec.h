#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace document {

// How a field of the stage takes an edit: the kind of editor, its limits and choices, and — when
// the field takes none just now — why. The document makes it; the tree model hands it to the view
// (EditorRole) unchanged.
struct EditorSpec {
    enum class Kind {
        None, // the field cannot be edited (see `refusal`)
        Text,
        Choice,
        MultiChoice,
        Integer,
        Boolean,
        StorageConfiguration,
    };

    Kind kind = Kind::None;
    QStringList choices;      // Choice, MultiChoice, StorageConfiguration: the values
    QStringList choiceLabels; // what to show for each of `choices` (same length)
    int minimum = 0;          // Integer: inclusive; MultiChoice: fewest choices
    int maximum = 0;          // Integer: inclusive; MultiChoice: most choices; Text: longest
    QString pattern;          // Text: a regular expression the whole value must match
    QString hint;             // the limits in words
    QString refusal;          // kind None: why this field takes no edit now; empty if never
    QString note; // StorageConfiguration: what to know about the choices (none in the region)

    bool isEditable() const { return kind != Kind::None; }
    // A MultiChoice that allows one value is offered as a plain list.
    bool isSingleOfMany() const { return kind == Kind::MultiChoice && maximum <= 1; }

    friend bool operator==(const EditorSpec &, const EditorSpec &) = default;
};

} // namespace document

Q_DECLARE_METATYPE(document::EditorSpec)
