#pragma once

#include <QString>
#include <QtGlobal>

namespace loyalty {

// Where this workstation's receipts go. Stored per workstation with QSettings (TillPreferences),
// because the printer belongs to the machine, not to the till's data.
struct PrinterSetup
{
    enum class Kind
    {
        None,
        Network,  // raw TCP (JetDirect)
        Device,   // a USB printer device file
        File,     // ESC/POS bytes are appended to a file
        System,   // an office printer through QPrinter (ui)
    };

    Kind kind = Kind::None;
    QString host;  // Network: raw TCP (JetDirect), e.g. 192.168.1.50
    quint16 port = 9100;
    QString devicePath;     // Device: a USB printer device file, e.g. /dev/usb/lp0
    QString filePath;       // File: ESC/POS bytes are appended to this file
    int paperWidthMm = 80;  // 58 or 80 (thermal)
    QString systemPrinter;  // System: a QPrinterInfo name; empty = the default printer
    bool autoPrint = true;  // print a receipt after every completed sale
    int timeoutMs = 4000;   // connect + write timeout for Network/Device

    friend bool operator==(const PrinterSetup&, const PrinterSetup&) = default;
};

}  // namespace loyalty
