package org.transferworkbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferworkbench.engine.experiment.RunPredictor;
import org.transferworkbench.engine.export.ModelBundle;
import org.transferworkbench.engine.experiment.TopK;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code predict RUN IMAGE|FOLDER...}: classify new images with a run's best model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify images with a run's best model, or an exported bundle's; prints the top-k classes "
                + "with probabilities.")
public final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(index = "0", paramLabel = "RUN|BUNDLE",
            description = "Run folder name (or a unique part of it) or path, or an export bundle (folder or zip).")
    String run;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE|FOLDER", description = "Images or folders.")
    List<Path> inputs;

    @Option(names = "--top", defaultValue = "3", description = "How many classes to show (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the answers to a CSV file.")
    Path csv;

    @Override
    public Integer call() throws IOException {
        RunPredictor predictor = predictor();
        List<Path> images = expand(inputs);
        List<String> failures = new ArrayList<>();
        List<TopK> answers = predictor.predict(images, top, failures, ProgressReporter.silent(),
                CancellationToken.none());
        print(answers, System.out);
        failures.forEach(f -> System.err.println("Skipped " + f));
        if (csv != null) {
            writeCsv(answers, csv);
            System.out.println("Written: " + csv);
        }
        return answers.isEmpty() ? Cli.EXIT_FAILED : 0;
    }

    /** A bundle is used from its own files alone, checked against its manifest and its sample first. */
    private RunPredictor predictor() throws IOException {
        Path asPath = Path.of(run);
        if (ModelBundle.looksLikeBundle(asPath)) {
            ModelBundle bundle = ModelBundle.open(asPath);
            System.err.printf(Locale.ROOT, "Bundle %s checked: files match its manifest, sample within %.0e.%n",
                    asPath, bundle.sampleCheck().tolerance());
            return bundle.predictor();
        }
        return RunPredictor.forRun(parent.runStore().open(run));
    }

    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> images = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(PredictCommand::looksLikeImage).sorted().forEach(images::add);
                }
            } else if (Files.exists(p)) {
                images.add(p);
            } else {
                throw new IOException("No such file or folder: " + p + ".");
            }
        }
        return images;
    }

    private static boolean looksLikeImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && n.matches(".*\\.(jpe?g|png|bmp|gif)$");
    }

    private static void print(List<TopK> answers, PrintStream out) {
        for (TopK a : answers) {
            StringBuilder sb = new StringBuilder(a.image()).append(':');
            for (TopK.Guess g : a.guesses()) {
                sb.append(String.format(Locale.ROOT, "  %s %.4f", g.className(), g.probability()));
            }
            out.println(sb);
        }
    }

    private void writeCsv(List<TopK> answers, Path file) throws IOException {
        StringWriter w = new StringWriter();
        List<String> header = new ArrayList<>(List.of("image"));
        for (int i = 1; i <= top; i++) {
            header.add("class_" + i);
            header.add("probability_" + i);
        }
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (TopK a : answers) {
                List<Object> row = new ArrayList<>(List.of(a.image()));
                for (TopK.Guess g : a.guesses()) {
                    row.add(g.className());
                    row.add(String.format(Locale.ROOT, "%.6f", g.probability()));
                }
                p.printRecord(row);
            }
        }
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        AtomicFiles.writeString(abs, w.toString());
    }
}
