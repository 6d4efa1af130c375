package org.transferworkbench.ui.training;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.device.DeviceReport;
import org.transferworkbench.engine.device.DeviceTopology;
import org.transferworkbench.engine.device.GpuCount;
import org.transferworkbench.engine.device.GpuMemorySampler;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.training.DataParallelism;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.TaskExecutor;

/**
 * The device line (CPU, or the GPU with its memory, sampled while a run trains) and the choice of how many GPUs
 * train at once, which is offered only when several are visible and otherwise says why not.
 */
public final class DeviceViewModel {
    /** GPU memory moves slowly compared with minibatches; every two seconds is live enough and costs nothing. */
    static final Duration SAMPLE_PERIOD = Duration.ofSeconds(2);

    private final TaskExecutor executor;
    private final Supplier<String> description;
    private final Supplier<DeviceTopology> topologies;
    private final Duration samplePeriod;
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("Device: detecting…");
    private final ReadOnlyBooleanWrapper severalGpus = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper gpusHint = new ReadOnlyStringWrapper("");
    private final ObservableList<Integer> gpuChoices = FXCollections.observableArrayList(1);
    private final ObjectProperty<Integer> gpus = new SimpleObjectProperty<>(1);
    private DeviceTopology topology = DeviceTopology.cpu();
    private GpuMemorySampler sampler;
    private DeviceTopology shown;

    public DeviceViewModel(TaskExecutor executor) {
        this(executor, EnvironmentInfo::deviceDescription, DeviceTopology::current, SAMPLE_PERIOD);
    }

    DeviceViewModel(TaskExecutor executor, Supplier<String> description, Supplier<DeviceTopology> topologies,
                    Duration samplePeriod) {
        this.executor = executor;
        this.description = description;
        this.topologies = topologies;
        this.samplePeriod = samplePeriod;
    }

    private record Detected(String description, DeviceTopology topology) { }

    /** Looks the device up on a worker: the first ND4J call loads the native backend (seconds). */
    public void detect() {
        executor.submit(BackgroundJob.titled("Detecting the device",
                        (p, c) -> new Detected(description.get(), topologies.get()))
                .onSucceeded(this::apply)
                .onFailed(e -> line.set("Device: unknown (" + Errors.sentence(e) + ")")).build());
    }

    private void apply(Detected d) {
        topology = d.topology();
        line.set("Device: " + d.description());
        severalGpus.set(topology.severalGpus());
        gpuChoices.setAll(IntStream.rangeClosed(1, Math.max(1, topology.gpuCount())).boxed().toList());
        if (topology.severalGpus()) {
            gpus.set(topology.gpuCount());
            gpusHint.set("Several GPUs train at once (one copy of the network each, averaged after every round).");
        } else {
            gpus.set(1);
            String why = GpuCount.unavailableReason(topology);
            gpusHint.set(Character.toUpperCase(why.charAt(0)) + why.substring(1));
        }
    }

    /** The number of GPUs to train on: the choice when several are visible, else one device. */
    public DataParallelism parallelism() {
        Integer n = gpus.get();
        return severalGpus.get() && n != null ? new DataParallelism(n) : DataParallelism.SINGLE;
    }

    /** Starts sampling the GPUs' memory; nothing on the CPU. */
    public void trainingStarted() {
        if (topology.cudaBackend() && topology.gpuCount() > 0 && sampler == null) {
            sampler = GpuMemorySampler.start(topologies, samplePeriod);
        }
    }

    /** Shows the newest memory sample, if there is a new one; cheap enough for the drain timer. */
    public void refresh() {
        DeviceTopology latest = sampler == null ? null : sampler.latest();
        if (latest != null && !latest.equals(shown)) {
            shown = latest;
            line.set("Device: " + DeviceReport.memoryLine(latest));
        }
    }

    /** Stops sampling; the line keeps the last figures until the next run. */
    public void trainingEnded() {
        refresh();
        if (sampler != null) {
            sampler.close();
            sampler = null;
        }
    }

    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty severalGpusProperty() {
        return severalGpus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gpusHintProperty() {
        return gpusHint.getReadOnlyProperty();
    }

    public ObservableList<Integer> gpuChoices() {
        return gpuChoices;
    }

    public ObjectProperty<Integer> gpusProperty() {
        return gpus;
    }
}
