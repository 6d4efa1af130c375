package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.transferworkbench.testing.ShapesDataset;

/** The smallest real studies: VGG11 at 32 px with frozen conv blocks (feature cache) on 18 shape images. */
final class TinyStudies {

    private TinyStudies() {
    }

    static Path dataset(Path dir) throws IOException {
        return ShapesDataset.write(dir.resolve("shapes"), 6, 32, 5);
    }

    static Map<String, String> base(int epochs) {
        return Map.of("model", "vgg11", "input", "32", "freeze", "conv", "hidden", "0", "epochs",
                String.valueOf(epochs), "batch", "8", "patience", "0");
    }

    static StudySpec oneArm(Path data, int epochs, List<Long> seeds, int folds) {
        return new StudySpec("tiny", data, base(epochs), List.of(new StudyArm("frozen", Map.of())), seeds, folds);
    }
}
