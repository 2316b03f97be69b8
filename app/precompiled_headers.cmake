# Precompiled Qt headers: most of a translation unit's compile time here is spent parsing the
# same Qt headers again. A library with several sources gets one precompiled header made of the
# Qt headers its modules allow; every test reuses the test support library's one (they are all
# compiled with the same flags). Set IVS_PRECOMPILE_HEADERS=OFF to compile without.
option(IVS_PRECOMPILE_HEADERS "Precompile the common Qt headers per library" ON)

# ivs_precompile_headers(TARGET [ALWAYS] MODULES module...): MODULES are the Qt modules the
# target may use (Core, Network, Gui, Widgets, Test). Unless ALWAYS, a target with fewer than four
# sources is left alone: making the header would cost more than it saves.
function(ivs_precompile_headers target)
    cmake_parse_arguments(PARSE_ARGV 1 PCH "ALWAYS" "" "MODULES")
    if(NOT IVS_PRECOMPILE_HEADERS)
        return()
    endif()
    get_target_property(sources ${target} SOURCES)
    list(FILTER sources INCLUDE REGEX "\\.cpp$")
    list(LENGTH sources count)
    if(count LESS 4 AND NOT PCH_ALWAYS)
        return()
    endif()
    # Function-local: the function is called from several directories.
    set(IVS_PCH_CORE <functional> <memory> <optional> <utility> <vector>
        <QAbstractItemModel> <QByteArray> <QDateTime> <QDir> <QFile> <QHash> <QJsonArray>
        <QJsonDocument> <QJsonObject> <QJsonValue> <QList> <QMap> <QObject> <QPointer>
        <QRegularExpression> <QString> <QStringList> <QTimer> <QUrl> <QVariant>)
    set(IVS_PCH_NETWORK <QNetworkAccessManager> <QNetworkReply> <QNetworkRequest>)
    set(IVS_PCH_GUI <QColor> <QFont> <QIcon> <QPalette>)
    set(IVS_PCH_WIDGETS <QAction> <QApplication> <QCheckBox> <QComboBox> <QDialog>
        <QDialogButtonBox> <QHBoxLayout> <QHeaderView> <QLabel> <QLineEdit> <QMainWindow> <QMenu>
        <QMessageBox> <QPushButton> <QStyle> <QTableView> <QToolButton> <QTreeView> <QVBoxLayout>)
    set(IVS_PCH_TEST <QSignalSpy> <QTest>)
    set(headers ${IVS_PCH_CORE})
    foreach(module IN ITEMS Network Gui Widgets Test)
        if(module IN_LIST PCH_MODULES)
            string(TOUPPER ${module} upper)
            list(APPEND headers ${IVS_PCH_${upper}})
        endif()
    endforeach()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# Uses `from`'s precompiled header for `target`: both must be compiled with the same flags.
function(ivs_reuse_precompiled_headers target from)
    if(IVS_PRECOMPILE_HEADERS)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()
