package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferworkbench.bench.BenchCase;
import org.transferworkbench.bench.BenchOptions;
import org.transferworkbench.bench.BenchResult;
import org.transferworkbench.bench.CheckpointComparison;
import org.transferworkbench.bench.SwitchComparison;
import org.transferworkbench.bench.ReluComparison;
import org.transferworkbench.bench.VggBench;
import org.transferworkbench.engine.model.VggVariant;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void parsesItsOptionsAndTimesOneSmallCase() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--models", "vgg16", "--sizes", "32", "--cases", "infer",
                "--batch", "2", "--iterations", "1", "--warmup", "0");
        BenchOptions o = command.options();
        assertThat(o.models()).containsExactly(VggVariant.VGG16);
        assertThat(o.cases()).containsExactly(BenchCase.INFER);
        assertThat(o.largestBatchCap()).isZero();

        List<String> lines = new ArrayList<>();
        List<BenchResult> results = new VggBench(o, lines::add).run();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.caseName()).isEqualTo("infer");
            assertThat(r.imagesPerSecond()).isPositive();
            assertThat(r.sgemmGflops()).isPositive();
            assertThat(r.memory().physicalBytes()).isPositive();
        });
        assertThat(lines).singleElement().asString().contains("vgg16", "32 px", "img/s", "GFLOP/s");
    }

    @Test
    void poolingComparisonTimesBothPoolingsInOneProcess() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--models", "vgg16", "--sizes", "32", "--batch", "2", "--iterations", "2",
                "--warmup", "0", "--pooling-ab");
        assertThat(command.poolingAb).isTrue();
        List<String> lines = new ArrayList<>();
        SwitchComparison.pooling(VggVariant.VGG16, 32, command.options(), lines::add);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("infer", "fast pooling", "stock pooling", "time ratio", "2 interleaved");
        assertThat(lines.get(1)).contains("full");
        assertThat(System.getProperty("tw.fastPool")).as("the switch is put back").isNull();
    }

    @Test
    void oneDnnComparisonTimesBothConvolutionPathsInOneProcess() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--models", "vgg16", "--sizes", "32", "--batch", "2", "--iterations", "2",
                "--warmup", "0", "--onednn-ab");
        assertThat(command.oneDnnAb).isTrue();
        List<String> lines = new ArrayList<>();
        SwitchComparison.oneDnn(VggVariant.VGG16, 32, command.options(), lines::add);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("infer", "direct oneDNN", "libnd4j ops", "time ratio", "2 interleaved");
        assertThat(System.getProperty("tw.onednn")).as("the switch is put back").isNull();
    }

    @Test
    void checkpointComparisonSavesWithBothWritersAndLeavesNoFiles() throws Exception {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--models", "vgg16", "--sizes", "32", "--batch", "2", "--iterations", "1",
                "--warmup", "0", "--checkpoint-ab");
        assertThat(command.checkpointAb).isTrue();
        List<String> lines = new ArrayList<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = java.nio.file.Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("tw-checkpoint-bench")).count();
        }
        CheckpointComparison.run(VggVariant.VGG16, 32, command.options(), lines::add);
        assertThat(lines).singleElement().asString()
                .contains("Workbench", "ModelSerializer", "in-memory copy", "1 interleaved pairs")
                .containsPattern("Workbench [0-9.]+ s \\(min [0-9.]+, [1-9][0-9.]* MB\\)");
        try (var s = java.nio.file.Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("tw-checkpoint-bench")).count())
                    .isEqualTo(before);
        }
    }

    @Test
    void reluComparisonTimesBothBackwardPassesOverEveryConvolution() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--models", "vgg16", "--sizes", "32", "--batch", "2", "--iterations", "2",
                "--warmup", "0", "--relu-ab");
        assertThat(command.reluAb).isTrue();
        List<String> lines = new ArrayList<>();
        ReluComparison.run(VggVariant.VGG16, 32, command.options(), lines::add);
        assertThat(lines).singleElement().asString()
                .contains("ReLU backward of 13 convolutions", "DL4J relu_bp", "ReluGradient", "2 interleaved pairs");
    }
}
