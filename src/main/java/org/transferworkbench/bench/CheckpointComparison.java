package org.transferworkbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.SnapshotCopies;

/**
 * What saving an epoch costs: the Workbench's checkpoint writer against ModelSerializer's (both through the same
 * atomic write with fsync, iterations interleaved in one process), and the in-memory copy that is all the training
 * thread pays now that epochs are saved in the background. The model has trained one step, so it carries Adam's
 * state, as a checkpoint does.
 */
public final class CheckpointComparison {

    private CheckpointComparison() {
    }

    public static void run(VggVariant model, int size, BenchOptions o, Consumer<String> out) {
        ModelSpec spec = ModelSpec.compact(model, size, BenchOptions.CLASSES);
        ComputationGraph graph = VggGraphFactory.build(spec, FreezePlan.fineTuneAll(), VggBench.settings());
        Path dir = null;
        try {
            graph.fit(VggBench.randomBatch(o.batch(), size, o.seed()));
            dir = Files.createTempDirectory("tw-checkpoint-bench");
            Path ours = dir.resolve("workbench.zip");
            Path theirs = dir.resolve("modelserializer.zip");
            SnapshotCopies copies = new SnapshotCopies();
            String json = graph.getConfiguration().toJson();
            for (int i = 0; i < o.warmup(); i++) {
                ModelFiles.save(graph, ours, true);
                writeWithModelSerializer(graph, theirs);
                copies.take(graph, json);
            }
            double[] oursSeconds = new double[o.iterations()];
            double[] theirsSeconds = new double[o.iterations()];
            double[] copySeconds = new double[o.iterations()];
            for (int i = 0; i < o.iterations(); i++) {
                boolean oursFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean useOurs = (k == 0) == oursFirst;
                    long start = System.nanoTime();
                    if (useOurs) {
                        ModelFiles.save(graph, ours, true);
                    } else {
                        writeWithModelSerializer(graph, theirs);
                    }
                    (useOurs ? oursSeconds : theirsSeconds)[i] = (System.nanoTime() - start) / 1e9;
                }
                long start = System.nanoTime();
                copies.take(graph, graph.getConfiguration().toJson());
                copySeconds[i] = (System.nanoTime() - start) / 1e9;
            }
            StepTimes a = new StepTimes(oursSeconds);
            StepTimes b = new StepTimes(theirsSeconds);
            StepTimes c = new StepTimes(copySeconds);
            out.accept(String.format(Locale.ROOT, "%-6s %4d px  checkpoint with optimiser state: Workbench %.3f s "
                            + "(min %.3f, %.1f MB)  ModelSerializer %.3f s (min %.3f, %.1f MB)  in-memory copy %.3f s "
                            + "(min %.3f)  (%d interleaved pairs)",
                    model.cliName(), size, a.median(), a.min(), Files.size(ours) / 1e6, b.median(), b.min(),
                    Files.size(theirs) / 1e6, c.median(), c.min(), o.iterations()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            VggBench.release(graph);
            deleteQuietly(dir);
        }
    }

    /** What the Workbench did before its own writer: DL4J's deflating writer, through the same atomic write. */
    private static void writeWithModelSerializer(ComputationGraph graph, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 20);
            ModelSerializer.writeModel(graph, buffered, true);
            buffered.flush();
        });
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
