package org.transferworkbench.ui.report;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Shows a folder in the system's file manager. AWT's Desktop first; where it cannot (many Linux desktops without
 * GNOME libraries), the platform's own opener.
 */
final class FolderOpener {

    private FolderOpener() {
    }

    /** Blocks until the file manager was asked; call it on a worker, never on the FX thread. */
    static void open(Path folder) throws IOException {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(folder.toFile());
                return;
            } catch (IOException | RuntimeException e) {
                // e.g. no handler registered for folders: the platform's opener may still know one
            }
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("explorer", folder.toString())
                : os.contains("mac") ? List.of("open", folder.toString()) : List.of("xdg-open", folder.toString());
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
