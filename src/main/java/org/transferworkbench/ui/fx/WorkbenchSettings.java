package org.transferworkbench.ui.fx;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between starts (window size, last dataset, last settings), in
 * {@link Preferences}. The node name can be changed with {@code -Dtw.prefs=...} so tests never touch the user's.
 */
public final class WorkbenchSettings {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchSettings.class);
    private final Preferences prefs;

    public WorkbenchSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static WorkbenchSettings forUser() {
        return new WorkbenchSettings(Preferences.userRoot().node(System.getProperty("tw.prefs", "transfer-workbench")));
    }

    public String get(String key, String fallback) {
        return prefs.get(key, fallback);
    }

    public void put(String key, String value) {
        if (value == null) {
            prefs.remove(key);
        } else {
            prefs.put(key, value);
        }
    }

    public double getDouble(String key, double fallback) {
        return prefs.getDouble(key, fallback);
    }

    public void putDouble(String key, double value) {
        prefs.putDouble(key, value);
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save the window settings: {}", e.getMessage());
        }
    }

    /** Forgets everything (tests). */
    public void clear() {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            LOG.warn("Could not clear the settings: {}", e.getMessage());
        }
    }
}
