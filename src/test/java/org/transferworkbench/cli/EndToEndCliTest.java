package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;

/** The whole path a user takes on the command line, on images the test draws itself. */
class EndToEndCliTest {

    @TempDir
    Path tmp;

    @Test
    void trainEvaluatePredictAndListARun() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 40, 40, 11);
        Path runs = tmp.resolve("runs");
        String out = captureStdout(() -> assertThat(Cli.run("train", "--data", data.toString(), "--runs-dir",
                runs.toString(), "--model", "vgg16", "--freeze", "conv", "--input", "32", "--epochs", "25",
                "--batch", "4", "--lr", "1e-2", "--hidden", "0", "--patience", "0", "--name", "shapes")).isZero());

        assertThat(out).contains("epoch   1/25").contains("epoch  25/25").contains("Evaluation on the test split");
        RunDirectory run = new RunStore(runs).list().get(0);
        assertThat(run.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.readMetrics()).hasSize(25);
        for (String f : new String[] {RunDirectory.CONFIG, RunDirectory.SPLIT, RunDirectory.SKIPPED,
            RunDirectory.BEST_MODEL, RunDirectory.EVALUATION_JSON, RunDirectory.EVALUATION_TEXT,
            RunDirectory.PREDICTIONS}) {
            assertThat(run.file(f)).as(f).isRegularFile();
        }
        RunConfig config = run.readConfig();
        assertThat(config.classNames()).containsExactly(ShapesDataset.CLASSES);
        assertThat(config.hyperparameters().seed()).isEqualTo(42);
        EvaluationReport test = run.readEvaluation().orElseThrow();
        // three classes: chance is 0.33
        assertThat(test.accuracy()).as("test accuracy").isGreaterThan(0.7);

        String eval = captureStdout(() -> assertThat(Cli.run("evaluate", run.id(), "--runs-dir", runs.toString()))
                .isZero());
        assertThat(eval).contains(String.format(java.util.Locale.ROOT, "accuracy %.4f", test.accuracy()));

        Path csv = tmp.resolve("pred.csv");
        String pred = captureStdout(() -> assertThat(Cli.run("predict", run.id(),
                data.resolve("red_disc").toString(), "--top", "2", "--csv", csv.toString(), "--runs-dir",
                runs.toString())).isZero());
        long redFirst = pred.lines().filter(l -> l.contains(":  red_disc")).count();
        assertThat(redFirst).as("red discs predicted as red_disc").isGreaterThan(25);
        assertThat(Files.readAllLines(csv)).hasSize(41).first().asString().startsWith("image,class_1");

        String list = captureStdout(() -> assertThat(Cli.run("runs", "--runs-dir", runs.toString())).isZero());
        assertThat(list).contains(run.id()).contains("succeeded");
    }

    @Test
    void nonsenseIsRefusedInOneSentenceBeforeAnyWork() throws Exception {
        Path runs = tmp.resolve("runs");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Cli.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("train", "--data", tmp.toString(), "--input", "100", "--runs-dir", runs.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: Input size must be a multiple of 32")
                .doesNotContain("Exception");
        assertThat(runs).doesNotExist();
    }

    static String captureStdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        old.print(s);
        return s;
    }
}
