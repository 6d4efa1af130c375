package org.transferworkbench.engine.data;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Decides from a file's name and size alone whether it can be an image; cheap checks before decoding. */
final class FileRules {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
    /** Folders and files that operating systems and sync tools drop next to photos. */
    private static final Set<String> SYSTEM_NAMES = Set.of("thumbs.db", "desktop.ini", ".ds_store", "__macosx",
            "@eadir", "$recycle.bin", "system volume information");

    static final String HIDDEN_FILE = "hidden or system file";
    static final String HIDDEN_FOLDER = "hidden or system folder";
    static final String EMPTY_FILE = "empty file (0 bytes)";
    static final String IMAGE_IN_ROOT = "image directly in the dataset root; put images in one sub-folder per class";
    static final String PERMISSION_DENIED = "unreadable: permission denied";
    static final String LINK_LOOP = "symbolic link loop";

    private FileRules() {
    }

    static boolean isHiddenOrSystem(String name) {
        return name.startsWith(".") || SYSTEM_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean hasImageExtension(String name) {
        return IMAGE_EXTENSIONS.contains(extension(name));
    }

    /** The reason a file inside a class folder is skipped before decoding, or empty when it is worth decoding. */
    static Optional<String> reasonToSkip(String name, long size) {
        if (isHiddenOrSystem(name)) {
            return Optional.of(HIDDEN_FILE);
        }
        if (!hasImageExtension(name)) {
            return Optional.of(notAnImage(name));
        }
        if (size == 0) {
            return Optional.of(EMPTY_FILE);
        }
        return Optional.empty();
    }

    /** The reason for a file lying directly in the dataset root, where it has no class. */
    static String reasonInRoot(String name) {
        if (isHiddenOrSystem(name)) {
            return HIDDEN_FILE;
        }
        return hasImageExtension(name) ? IMAGE_IN_ROOT : notAnImage(name);
    }

    private static String notAnImage(String name) {
        String extension = extension(name);
        return extension.isEmpty() ? "not an image file (no extension)"
                : "not an image file (extension ." + extension + ")";
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
