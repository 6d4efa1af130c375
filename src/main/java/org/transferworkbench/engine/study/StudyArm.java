package org.transferworkbench.engine.study;

import java.util.Map;

/**
 * One configuration of a study: a label and the settings it changes from the study's base settings.
 *
 * @param settings option name (as in {@code train}, without "--") to value as text
 */
public record StudyArm(String label, Map<String, String> settings) {
    public StudyArm {
        settings = Map.copyOf(settings);
    }
}
