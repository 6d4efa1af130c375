package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;

/**
 * Many short runs back to back in one process, as a user trying settings in the window does: heap and off-heap
 * memory must level off instead of growing run after run. Not in the default suite (minutes); run it with
 * {@code mvn -B test -Dtest=SoakTest -Dgroups=soak -DexcludedGroups=}.
 */
@Tag("soak")
class SoakTest {
    private static final int RUNS = Integer.getInteger("tw.soakRuns", 20);

    @TempDir
    Path tmp;

    record Sample(int run, long heapAfterGc, long physical, long offHeap) { }

    @Test
    void memoryLevelsOffOverManyRuns() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 10, 32, 5);
        RunStore store = new RunStore(tmp.resolve("runs"));
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            ExperimentResult r = new ExperimentRunner(store).run(TinyRuns.request(data, "soak-" + i, 1),
                    new ExperimentListener() { }, CancellationToken.none());
            assertThat(r.state()).isEqualTo(RunState.SUCCEEDED);
            samples.add(measure(i));
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%4s %14s %14s %14s%n", "run",
                "heap MB (GC)", "physical MB", "off-heap MB"));
        for (Sample s : samples) {
            table.append(String.format(Locale.ROOT, "%4d %14.1f %14.1f %14.1f%n", s.run(), s.heapAfterGc() / 1e6,
                    s.physical() / 1e6, s.offHeap() / 1e6));
        }
        System.out.print(table);

        // ND4J 1.0.0-M2.1 allocates its arrays in libnd4j, outside JavaCPP's count: totalBytes() stays near 0,
        // so the process's resident size (physicalBytes) is the off-heap figure that tells.
        double early = average(samples.subList(5, 10), Sample::physical);
        double late = average(samples.subList(RUNS - 5, RUNS), Sample::physical);
        assertThat(average(samples.subList(RUNS - 5, RUNS), Sample::offHeap))
                .isLessThanOrEqualTo(average(samples.subList(5, 10), Sample::offHeap) * 1.10 + 1e6);
        double earlyHeap = average(samples.subList(5, 10), Sample::heapAfterGc);
        double lateHeap = average(samples.subList(RUNS - 5, RUNS), Sample::heapAfterGc);
        assertThat(late).as("resident bytes, last 5 runs vs runs 6-10\n" + table).isLessThanOrEqualTo(early * 1.10);
        assertThat(lateHeap).as("heap after GC, last 5 runs vs runs 6-10\n" + table)
                .isLessThanOrEqualTo(earlyHeap * 1.10 + 20e6);
    }

    private static Sample measure(int run) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc(); // also lets JavaCPP's deallocator free the native memory of unreachable arrays
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Sample(run, heap, Pointer.physicalBytes(), Pointer.totalBytes());
    }

    private static double average(List<Sample> s, java.util.function.ToLongFunction<Sample> f) {
        return s.stream().mapToLong(f).average().orElse(0);
    }
}
