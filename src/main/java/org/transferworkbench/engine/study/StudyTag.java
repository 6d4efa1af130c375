package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.runs.RunDirectory;

/**
 * Marks a run as a repeat of a study (study-tag.json in the run's folder), so that the run store, the window and
 * people browsing the folder can tell which study, arm, seed and fold a run belongs to.
 *
 * @param fold 0-based; -1 when the study used the ordinary split
 */
public record StudyTag(int formatVersion, String studyId, String arm, long seed, int fold, int repeat) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "study-tag.json";

    static StudyTag of(String studyId, StudyRepeat repeat) {
        return new StudyTag(FORMAT_VERSION, studyId, repeat.arm(), repeat.seed(), repeat.fold(), repeat.index());
    }

    public void writeTo(RunDirectory run) throws IOException {
        Json.writeAtomically(run.file(FILE_NAME), this);
    }

    public static Optional<StudyTag> readFrom(RunDirectory run) throws IOException {
        return Files.isRegularFile(run.file(FILE_NAME))
                ? Optional.of(Json.read(run.file(FILE_NAME), StudyTag.class)) : Optional.empty();
    }
}
