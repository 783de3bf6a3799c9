"""The baseline of a start: a bare PySide6 window, shown and painted, then "shown" and quit.

Run as a script (not through the test package) so that nothing else is imported.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1400, 860)
    window.show()

    def shown() -> None:  # as crm_desktop.app.exit_when_shown does it
        QApplication.sendPostedEvents()
        window.repaint()
        print("shown", flush=True)
        QApplication.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
