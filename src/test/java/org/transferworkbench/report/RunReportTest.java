package org.transferworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.stats.ClassificationBootstrap;
import org.transferworkbench.engine.stats.LabelledOutcomes;
import org.transferworkbench.report.render.ReportFormat;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;

/**
 * The methods report of a real tiny run: every item a reviewer asks for is in both formats, user data is escaped,
 * and a run with missing files gives a report that says so.
 */
class RunReportTest {
    /** A class folder name that is valid on disk and hostile in HTML and Markdown. */
    static final String HOSTILE = "<img src=x onerror=alert(1)> & \"q\" | *b* [l](j)";

    @TempDir
    static Path tmp;
    static RunDirectory run;
    static RunConfig config;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 8, 32, 5);
        Files.move(data.resolve("red_disc"), data.resolve(HOSTILE));
        run = new ExperimentRunner(new RunStore(tmp.resolve("runs"))).run(TinyRuns.request(data, "report", 1),
                new ExperimentListener() { }, CancellationToken.none()).run();
        assertThat(run.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
        config = run.readConfig();
    }

    private static ReportWriter.Written write(RunDirectory r, Path out) throws IOException {
        return RunReportWriter.write(r, out, EnumSet.allOf(ReportFormat.class), ProgressReporter.silent(),
                CancellationToken.none());
    }

    @Test
    void theReportHoldsEverythingAReviewerAsksFor() throws Exception {
        ReportWriter.Written w = write(run, null);
        assertThat(w.folder()).isEqualTo(run.file("report").toAbsolutePath().normalize());
        String html = Files.readString(w.file(ReportFormat.HTML));
        String md = Files.readString(w.file(ReportFormat.MARKDOWN));
        SplitManifest split = SplitManifest.read(run.file(RunDirectory.SPLIT));
        BootstrapSummary ci = ClassificationBootstrap.standard().estimate(
                LabelledOutcomes.read(run.file(RunDirectory.PREDICTIONS), config.classNames()));
        Map<String, String> env = config.environment();
        for (String text : new String[] {html, md}) {
            assertThat(text).contains(config.datasetFingerprint(), "VGG11", "configuration A", "3 × 32 × 32",
                    "none: all convolution blocks trained (fine-tuning)", "Adam", "0.001", "Batch size",
                    "Seed (weights and shuffling)", "Seed (split)", "42", "random initialisation",
                    "shorter side scaled to 32 px", "103.939", "1.0.0-M2.1", env.get("nd4jBackend"),
                    env.get("workbench"), env.get("device"), env.get("memory"), "95 % CI", "macro", "Methods",
                    "model of the epoch with the best validation accuracy was kept");
            assertThat(text).containsAnyOf("blue_triangle", "blue\\_triangle");
            assertThat(text).contains(String.format(Locale.ROOT, "%.3f–%.3f", ci.accuracy().lower(),
                    ci.accuracy().upper()));
            assertThat(text).contains(String.format(Locale.ROOT, "%.3f–%.3f", ci.perClass().get(1).recall().lower(),
                    ci.perClass().get(1).recall().upper()));
            String params = String.format(Locale.ROOT, "%,d", new org.transferworkbench.engine.model.ModelSummary(
                    org.transferworkbench.engine.model.VggLayout.of(config.modelSpec()),
                    config.parsedFreezePlan()).totalParams());
            assertThat(text).contains(params);
        }
        // the count table's row for green_square: train, validation, test, total
        Map<Split, Integer> green = split.countsByClass().get("green_square");
        assertThat(html).containsPattern(Pattern.quote("<th scope=\"row\">green_square</th><td class=\"num\">"
                + green.get(Split.TRAIN) + "</td><td class=\"num\">" + green.get(Split.VALIDATION)
                + "</td><td class=\"num\">" + green.get(Split.TEST) + "</td><td class=\"num\">8</td>"));
        assertThat(md).contains("| green\\_square | " + green.get(Split.TRAIN) + " | " + green.get(Split.VALIDATION)
                + " | " + green.get(Split.TEST) + " | 8 |");
        for (String png : new String[] {"accuracy.png", "loss.png"}) {
            Path f = w.folder().resolve("figures").resolve(png);
            BufferedImage image = ImageIO.read(f.toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(md).contains("](figures/" + png + ")");
            assertThat(html).contains("href=\"figures/" + png + "\"", "data:image/png;base64,");
        }
        BufferedImage confusion = ImageIO.read(w.folder().resolve("figures/confusion-matrix.png").toFile());
        assertThat(confusion.getWidth()).isGreaterThan(3 * 64);
        assertThat(md).contains("](figures/confusion-matrix.png)");
        assertThat(w.folder().resolve("files/split.csv")).hasSameBinaryContentAs(run.file(RunDirectory.SPLIT));
        ReportManifest manifest = Json.read(w.folder().resolve(ReportManifest.FILE_NAME), ReportManifest.class);
        assertThat(manifest.formatVersion()).isEqualTo(1);
        assertThat(manifest.files()).contains("report.html", "report.md", "figures/accuracy.png", "files/split.csv");
        assertThat(html).contains("<meta name=\"report-format-version\" content=\"1\">");
        assertThat(md).startsWith("<!-- transfer-workbench report format v1 -->");
    }

    @Test
    void aHostileClassNameIsShownAsTextNeverAsMarkup() throws Exception {
        ReportWriter.Written w = write(run, tmp.resolve("hostile-report"));
        String html = Files.readString(w.file(ReportFormat.HTML), StandardCharsets.UTF_8);
        String md = Files.readString(w.file(ReportFormat.MARKDOWN), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img src=x").doesNotContain("\"q\" |")
                .contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; | *b* [l](j)");
        // the only images are the three embedded figures
        assertThat(Pattern.compile("<img ").matcher(html).results().count()).isEqualTo(3);
        assertThat(md).doesNotContain("<img src=x").doesNotContain("*b*").doesNotContain("[l](j)")
                .contains("&lt;img src=x onerror=alert(1)&gt; & \"q\"")
                .contains("\\| \\*b\\* \\[l\\](j)");
    }

    @Test
    void aRunWithoutEvaluationOrMetricsGetsAReportThatSaysSo() throws Exception {
        Path copy = tmp.resolve("partial/" + run.id());
        Files.createDirectories(copy);
        for (String f : new String[] {RunDirectory.CONFIG, RunDirectory.STATUS, RunDirectory.SPLIT}) {
            Files.copy(run.file(f), copy.resolve(f));
        }
        ReportWriter.Written w = write(new RunDirectory(copy), null);
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(Files.readString(w.file(f))).contains("has no test evaluation", "./run.sh evaluate",
                    "No epoch was completed", config.datasetFingerprint());
        }
        assertThat(w.folder().resolve("figures")).doesNotExist();
    }

    @Test
    void aSecondReportReplacesTheFirstAndAForeignFolderIsRefused() throws Exception {
        Path out = tmp.resolve("twice");
        write(run, out);
        Files.writeString(out.resolve("stale.txt"), "from an older report");
        write(run, out);
        assertThat(out.resolve("stale.txt")).doesNotExist();
        assertThat(out.resolve("report.html")).exists();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".twice."));
        }
        Path foreign = Files.createDirectories(tmp.resolve("my-documents"));
        Files.writeString(foreign.resolve("thesis.docx"), "precious");
        assertThatThrownBy(() -> write(run, foreign)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Workbench report");
        assertThat(foreign.resolve("thesis.docx")).hasContent("precious");
    }

    @Test
    void theCommandLineWritesTheChosenFormatAndRefusesAnUnknownOne() throws Exception {
        Path out = tmp.resolve("cli-report");
        String runs = run.path().getParent().toString();
        var stdout = new java.io.ByteArrayOutputStream();
        var stderr = new java.io.StringWriter();
        var old = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        int bad;
        int missing;
        try {
            code = org.transferworkbench.cli.Cli.run("report", run.id(), "--runs-dir", runs, "--out", out.toString(),
                    "--format", "md");
            var cl = org.transferworkbench.cli.Cli.commandLine();
            cl.setErr(new java.io.PrintWriter(stderr, true));
            bad = cl.execute("report", run.id(), "--runs-dir", runs, "--format", "pdf");
            missing = cl.execute("report", "no-such-run", "--runs-dir", runs);
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("written to " + out.toAbsolutePath(),
                "report.md");
        assertThat(out.resolve("report.md")).content().contains(config.datasetFingerprint(), "95 % CI");
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(out.resolve("figures/loss.png")).exists();
        assertThat(bad).isEqualTo(1);
        assertThat(missing).isEqualTo(1);
        assertThat(stderr.toString()).contains("Unknown report format 'pdf'; use html or md.", "no-such-run");
    }
}
