package org.transferworkbench.engine.device;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How many GPUs a run may train on, as the user asked for it ({@code --gpus N|all}), and what that means on the
 * devices at hand. More than one needs the CUDA backend and at least two visible GPUs; everywhere else training
 * stays on one device.
 *
 * @param requested the number asked for; ignored when {@code all}
 */
public record GpuCount(int requested, boolean all) {
    public static final GpuCount ONE = new GpuCount(1, false);
    public static final GpuCount ALL = new GpuCount(0, true);

    public GpuCount {
        if (!all && requested < 1) {
            throw new IllegalArgumentException("The number of GPUs must be at least 1, or 'all'.");
        }
    }

    /** Parses "all" or a positive whole number. */
    public static GpuCount parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return ALL;
        }
        try {
            return new GpuCount(Integer.parseInt(t), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--gpus takes a number of GPUs (1, 2, ...) or 'all', not '" + text
                    + "'.");
        }
    }

    /**
     * The number of training workers (one per GPU); 1 means plain single-device training.
     *
     * @throws IllegalArgumentException when more GPUs are asked for than are visible, in one sentence
     */
    public int resolve(DeviceTopology topology) {
        if (all) {
            return topology.severalGpus() ? topology.gpuCount() : 1;
        }
        if (requested == 1) {
            return 1;
        }
        if (!topology.severalGpus()) {
            throw new IllegalArgumentException("--gpus " + requested + " is not possible here: "
                    + unavailableReason(topology));
        }
        if (requested > topology.gpuCount()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--gpus %d asks for more GPUs than the %d visible ones (%s); use --gpus %d or --gpus all.",
                    requested, topology.gpuCount(), names(topology), topology.gpuCount()));
        }
        return requested;
    }

    /** Why training on several GPUs is off on this topology, in one sentence; null when it is available. */
    public static String unavailableReason(DeviceTopology topology) {
        if (!topology.cudaBackend()) {
            return "training on several GPUs needs the CUDA backend (./run.sh --gpu) and at least two NVIDIA GPUs, "
                    + "and this run uses the CPU.";
        }
        if (topology.gpuCount() < 2) {
            return "training on several GPUs needs at least two visible NVIDIA GPUs, and only "
                    + (topology.gpuCount() == 0 ? "none is" : "one (" + names(topology) + ") is")
                    + " visible (check CUDA_VISIBLE_DEVICES and --gpu-device).";
        }
        return null;
    }

    private static String names(DeviceTopology topology) {
        return topology.gpus().stream().map(g -> g.index() + ": " + g.name()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return all ? "all" : Integer.toString(requested);
    }
}
