package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.demo.DemoDatasetGenerator;
import org.transferworkbench.engine.jobs.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-demo}: the synthetic blood-smear dataset, deterministic from its seed. */
@Command(name = "generate-demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic blood-smear demo dataset (four classes, deterministic from a seed).")
public final class GenerateDemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Target folder (default: datasets/demo-cells).")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-class", defaultValue = "80", description = "Images per class (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Option(names = "--size", defaultValue = "96", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : Defaults.demoDataset();
        new DemoDatasetGenerator().generate(target, new DemoDatasetGenerator.Settings(seed, perClass, size),
                (done, total, msg) -> { }, CancellationToken.none());
        System.out.println("Demo dataset written to " + target.toAbsolutePath() + " (group pattern for splits: "
                + DemoDatasetGenerator.GROUP_PATTERN + ").");
        return 0;
    }
}
