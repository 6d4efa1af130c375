package org.transferworkbench.engine.experiment;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into one sentence a user can act on; the stack trace goes to the log. */
public final class Errors {

    private Errors() {
    }

    public static String sentence(Throwable e) {
        if (e instanceof RunFailedException) {
            return e.getMessage(); // already the sentence
        }
        Throwable full = causeMentioning(e, "No space left");
        if (full != null) {
            // The JDK reports ENOSPC as a plain IOException; the file is then only named by our own wrapper.
            String where = full instanceof FileSystemException f && f.getFile() != null
                    ? " while writing " + f.getFile()
                    : full != e && e.getMessage() != null ? " (" + firstLine(e.getMessage()) + ")" : "";
            return "The disk is full" + where + "; free some space and try again.";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && isWrapper(root)) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError || messageContains(root, "allocate")) {
            return "Out of memory: choose a smaller batch size or input size, or freeze more blocks ("
                    + firstLine(root.getMessage()) + ").";
        }
        if (root instanceof NoSuchFileException n) {
            return "File not found: " + n.getFile() + ".";
        }
        if (root instanceof AccessDeniedException a) {
            return "Permission denied: " + a.getFile() + ".";
        }
        String msg = firstLine(root.getMessage());
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
    }

    private static boolean isWrapper(Throwable t) {
        return (t instanceof java.io.UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t.getClass() == RuntimeException.class) && t.getCause() != null;
    }

    /** The deepest cause whose message contains {@code s}: the one the OS reported. */
    private static Throwable causeMentioning(Throwable e, String s) {
        Throwable found = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (messageContains(t, s)) {
                found = t;
            }
        }
        return found;
    }

    private static boolean messageContains(Throwable t, String s) {
        return t.getMessage() != null && t.getMessage().contains(s);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
