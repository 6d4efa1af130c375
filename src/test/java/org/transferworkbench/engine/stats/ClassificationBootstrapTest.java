package org.transferworkbench.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationBootstrapTest {
    private static final List<String> CLASSES = List.of("rbc", "wbc", "platelet");

    @Test
    void perfectAnswersHaveNoUncertaintyLeft() {
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
        BootstrapSummary s = ClassificationBootstrap.standard()
                .estimate(new LabelledOutcomes(CLASSES, labels, labels.clone()));
        assertThat(s.accuracy()).isEqualTo(new Interval(1, 1, 1));
        assertThat(s.macroF1()).isEqualTo(new Interval(1, 1, 1));
        assertThat(s.perClass()).extracting(ClassIntervals::support).containsExactly(4L, 3L, 3L);
    }

    @Test
    void accuracyIntervalMatchesTheBinomialWidth() {
        int n = 600;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            actual[i] = i % 3;
            predicted[i] = i % 5 == 0 ? (actual[i] + 1 + r.nextInt(2)) % 3 : actual[i]; // exactly 80% right
        }
        BootstrapSummary s = ClassificationBootstrap.standard().estimate(new LabelledOutcomes(CLASSES, actual,
                predicted));
        assertThat(s.accuracy().estimate()).isEqualTo(0.8);
        // normal approximation: 0.8 ± 1.96 * sqrt(0.8 * 0.2 / 600) = 0.8 ± 0.032
        assertThat(s.accuracy().lower()).isBetween(0.76, 0.775);
        assertThat(s.accuracy().upper()).isBetween(0.825, 0.84);
        for (ClassIntervals c : s.perClass()) {
            assertThat(c.recall().contains(c.recall().estimate())).isTrue();
            assertThat(c.recall().upper() - c.recall().lower()).isBetween(0.05, 0.2);
        }
        BootstrapSummary again = ClassificationBootstrap.standard().estimate(new LabelledOutcomes(CLASSES, actual,
                predicted));
        assertThat(again.accuracy()).isEqualTo(s.accuracy());
    }

    @Test
    void readsARunsPredictionsFile(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("test-predictions.csv");
        Files.writeString(csv, """
                relative_path,actual,predicted,confidence,correct
                rbc/a.jpg,rbc,rbc,0.9,true
                wbc/b.jpg,wbc,rbc,0.6,false
                "platelet/c,1.jpg",platelet,platelet,0.7,true
                """);
        LabelledOutcomes o = LabelledOutcomes.read(csv, CLASSES);
        assertThat(o.actual()).containsExactly(0, 1, 2);
        assertThat(o.predicted()).containsExactly(0, 0, 2);
        assertThat(o.scores().accuracy()).isEqualTo(2.0 / 3);
    }

    @Test
    void aClassOutsideTheRunIsReportedClearly(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("test-predictions.csv");
        Files.writeString(csv, "relative_path,actual,predicted\nx/a.jpg,monocyte,rbc\n");
        assertThatThrownBy(() -> LabelledOutcomes.read(csv, CLASSES))
                .isInstanceOf(IOException.class).hasMessageContaining("'monocyte', which is not one of");
        assertThatThrownBy(() -> ClassificationBootstrap.standard()
                .estimate(new LabelledOutcomes(CLASSES, new int[0], new int[0])))
                .hasMessageContaining("nothing to bootstrap");
    }
}
