package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyStore;
import org.transferworkbench.testing.CliOutcome;
import org.transferworkbench.testing.ShapesDataset;

/** A whole tiny study through the command line: 2 arms x 2 seeds, then show, export, list and resume. */
class StudyCliTest {
    @TempDir
    Path tmp;


    private static CliOutcome cli(String... args) {
        return CliOutcome.run(args);
    }

    @Test
    void aStudyRunsShowsAndExportsItsTableAndFigure() throws Exception {
        ShapesDataset.write(tmp.resolve("shapes"), 6, 32, 5);
        Path spec = tmp.resolve("study.json");
        Files.writeString(spec, ("{'format': 'transfer-workbench study', 'formatVersion': 1, 'name': 'optimisers', "
                + "'dataset': 'shapes', 'base': {'model': 'vgg11', 'input': 32, 'freeze': 'conv', 'hidden': 0, "
                + "'epochs': 1, 'batch': 8, 'patience': 0}, 'arms': [{'label': 'adam', 'settings': {'lr': 0.001}}, "
                + "{'label': 'sgd', 'settings': {'optimizer': 'sgd', 'lr': 0.01}}], 'seeds': 2, 'folds': 0}")
                .replace('\'', '"'));
        String runs = tmp.resolve("runs").toString();

        CliOutcome run = cli("study", spec.toString(), "--runs-dir", runs);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("[") && l.contains("test accuracy")).toList())
                .hasSize(4);
        assertThat(run.out()).contains("[1/4] adam, seed 1").contains("[4/4] sgd, seed 2")
                .contains("Paired comparisons").contains("sgd vs adam, accuracy, 2 pair(s)");
        List<StudyFolder> studies = new StudyStore(Path.of(runs)).list();
        assertThat(studies).hasSize(1);
        String id = studies.get(0).id();

        CliOutcome show = cli("study", "show", id, "--runs-dir", runs);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("4 of 4 repeats finished").contains("adam").contains("2/2")
                .contains(" ± ").contains("[");

        Path out = tmp.resolve("export");
        CliOutcome export = cli("study", "export", id, "--out", out.toString(), "--runs-dir", runs);
        assertThat(export.code()).as(export.err()).isZero();
        List<String> runRows = Files.readAllLines(out.resolve("study-runs.csv"));
        assertThat(runRows.get(0)).startsWith("# transfer-workbench study-runs v1 study=" + id);
        assertThat(runRows).hasSize(2 + 4);
        assertThat(Files.readAllLines(out.resolve("study-table.csv"))).hasSize(2 + 2 * 4);
        assertThat(Files.readString(out.resolve("study-comparisons.csv"))).contains("adam,sgd,accuracy,2,");
        assertThat(Files.readString(out.resolve("study-curves.csv"))).contains("adam,validation_accuracy,1,2,");
        BufferedImage png = ImageIO.read(out.resolve("study-curves.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1200);
        String svg = Files.readString(out.resolve("study-curves.svg"));
        assertThat(svg).contains("<svg").contains("adam (n=2)").contains("Validation accuracy");

        CliOutcome list = cli("study", "list", "--runs-dir", runs);
        assertThat(list.out()).contains(id).contains("4/4");
        CliOutcome resume = cli("study", "resume", id, "--runs-dir", runs);
        assertThat(resume.code()).isZero(); // nothing left to run: finished repeats are kept
        assertThat(resume.out()).doesNotContain("test accuracy 0").contains("4 of 4 repeats finished");
    }

    @Test
    void badStudyInputIsOneSentenceAndExitCodeOne() {
        String runs = tmp.resolve("runs").toString();
        CliOutcome missing = cli("study", tmp.resolve("none.json").toString(), "--runs-dir", runs);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Error: The study file").contains("does not exist.");
        CliOutcome unknown = cli("study", "show", "nope", "--runs-dir", runs);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("No study 'nope'");
        CliOutcome band = cli("study", "export", "nope", "--out", tmp.toString(), "--band", "wide", "--runs-dir", runs);
        assertThat(band.err()).contains("The band must be sd or minmax");
    }
}
