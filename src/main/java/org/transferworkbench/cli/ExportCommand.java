package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.transferworkbench.engine.export.BundleExporter;
import org.transferworkbench.engine.export.ModelBundle;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export RUN --out PATH} writes a run's model as a bundle; {@code export --verify BUNDLE} checks one. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run's best model as a self-sufficient bundle (folder, or zip when --out ends in "
                + ".zip): model, preprocessing.json, classes, a sample with its expected output, README, manifest.",
            "With --verify, check a bundle's files against its manifest and re-run its sample."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "Run folder name (or a unique part of it) or path.")
    String run;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Where to write the bundle; a name ending in .zip writes a zip file.")
    Path out;

    @Option(names = "--verify", paramLabel = "BUNDLE",
            description = "Check this bundle (folder or zip) against its manifest and its sample instead of exporting.")
    Path verify;

    @Option(names = "--onnx", description = "Also write model.onnx (the same network in ONNX, opset 13).")
    boolean onnx;

    @Option(names = "--force", description = "Replace an existing bundle at --out (once the new one is complete).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (verify != null && (run != null || out != null)) {
            throw new ParameterException(spec.commandLine(), "Give either RUN --out PATH or --verify BUNDLE, not both.");
        }
        if (verify != null) {
            ModelBundle bundle = ModelBundle.open(verify);
            ModelBundle.SampleCheck check = bundle.sampleCheck();
            System.out.printf(Locale.ROOT, "Bundle OK: %d files match %s's manifest (Workbench %s, run %s).%n",
                    bundle.manifest().files().size(), verify, bundle.manifest().workbenchVersion(),
                    bundle.manifest().sourceRun());
            System.out.printf(Locale.ROOT, "Sample %s: %s, largest difference to expected.json %.1e "
                    + "(tolerance %.0e).%n", check.image(), check.predictedClass(), check.maxDifference(),
                    check.tolerance());
            return 0;
        }
        if (run == null || out == null) {
            throw new ParameterException(spec.commandLine(), "Give the run to export and --out PATH (or --verify BUNDLE).");
        }
        // Ctrl-C stops between steps, and the hidden staging folder is removed instead of left behind.
        CancellationToken cancel = new CancellationToken();
        ShutdownCancel.install(cancel);
        BundleExporter.Result r;
        try {
            r = BundleExporter.export(parent.runStore().open(run), out, new BundleExporter.Options(onnx, force),
                    ProgressReporter.silent(), cancel);
        } catch (CancellationException e) {
            System.err.println("Export cancelled; nothing was written.");
            return Cli.EXIT_CANCELLED;
        }
        System.out.printf(Locale.ROOT, "Exported: %s (%d files, %.1f MB).%n", r.bundle(), r.files(),
                r.bytes() / 1e6);
        System.out.printf(Locale.ROOT, "Sample %s (true class %s): predicted %s, p = %.6f.%n",
                r.expected().image(), r.expected().trueClass(), r.expected().predictedClass(),
                r.expected().probabilities().get(r.expected().predictedIndex()));
        return 0;
    }
}
