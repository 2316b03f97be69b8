#pragma once

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QString>

class QLabel;
class QWidget;

namespace workspace {
class PublishController;
}

namespace ui {

// OBS's service.json, the file in which OBS keeps a profile's stream settings: where to suggest
// saving it, what to tell the user about it, and the save itself, which the controller writes.
class ObsServiceFile final {
    Q_DECLARE_TR_FUNCTIONS(ui::ObsServiceFile)
public:
    // Picks where to save; empty when the user cancels. The default is a file dialog starting at
    // `suggestion`; tests answer without one.
    using PathChooser = std::function<QString(const QString &suggestion)>;
    // The secret the file holds: WHIP's participant token or RTMP(S)'s stream key.
    enum class Secret { Token, StreamKey };
    // What became of a save, for the status line.
    struct Outcome {
        QString text;
        bool error = false;
    };

    explicit ObsServiceFile(workspace::PublishController &controller);

    void setPathChooser(PathChooser chooser);

    // <OBS settings>/basic/profiles/<Profile>/service.json when OBS has exactly one profile,
    // else the profiles folder; the home folder when OBS is not set up on this computer.
    static QString suggestedPath();
    // Where OBS reads the file, and that it holds `secret`.
    static QLabel *createHint(Secret secret, QWidget *parent);

    // Asks where to save (over `window`) and has the controller write the file with the token
    // or the stream key it holds now. Empty when the user cancels.
    std::optional<Outcome> save(Secret secret, QWidget *window) const;

private:
    static QString secretName(Secret secret);

    workspace::PublishController &m_controller;
    PathChooser m_pathChooser;
};

} // namespace ui
