package org.transferworkbench.cli;

import java.io.PrintStream;
import org.transferworkbench.engine.device.DeviceTopology;
import org.transferworkbench.engine.device.GpuCount;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.training.DataParallelism;
import picocli.CommandLine.Option;

/** {@code --gpus N|all} for the commands that train. */
final class GpuOption {

    @Option(names = "--gpus", paramLabel = "N|all", defaultValue = "1",
            description = "Train on N GPUs at once (data-parallel: one copy of the network per GPU, averaged after "
                    + "every round of minibatches) or on all visible ones. Needs the CUDA backend (./run.sh --gpu) "
                    + "and at least two GPUs; on the CPU training stays on one device (default: ${DEFAULT-VALUE}).")
    String gpus;

    /**
     * Checks the choice against the devices at hand, says what it means, and returns the runner to use.
     *
     * @throws IllegalArgumentException when more GPUs are asked for than are visible
     */
    ExperimentRunner apply(ExperimentRunner runner, PrintStream out) {
        GpuCount count = GpuCount.parse(gpus);
        DeviceTopology topology = DeviceTopology.current();
        int workers = count.resolve(topology);
        if (workers > 1) {
            out.println("Training on " + workers + " GPUs at once (data-parallel, DL4J ParallelWrapper).");
        } else if (count.all()) {
            out.println("--gpus all: one device, because " + GpuCount.unavailableReason(topology));
        }
        return runner.withParallelism(new DataParallelism(workers));
    }
}
