package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** A switch comparison: its option, how it runs, the labels of its two sides, the property it sets. */
    record SwitchCase(String option, Comparison run, String on, String off, String property) {
        interface Comparison {
            void run(VggVariant model, int size, BenchOptions o, java.util.function.Consumer<String> out);
        }

        @Override
        public String toString() {
            return option;
        }
    }

    static List<SwitchCase> switchCases() {
        return List.of(
                new SwitchCase("--pooling-ab", SwitchComparison::pooling, "fast pooling", "stock pooling",
                        "tw.fastPool"),
                new SwitchCase("--onednn-ab", SwitchComparison::oneDnn, "direct oneDNN", "libnd4j ops", "tw.onednn"));
    }

    @ParameterizedTest
    @MethodSource("switchCases")
    void switchComparisonTimesBothSidesInOneProcessAndPutsTheSwitchBack(SwitchCase c) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--models", "vgg16", "--sizes", "32", "--batch", "2", "--iterations", "2",
                "--warmup", "0", c.option());
        assertThat(c.option().equals("--pooling-ab") ? command.poolingAb : command.oneDnnAb).isTrue();
        List<String> lines = new ArrayList<>();
        c.run().run(VggVariant.VGG16, 32, command.options(), lines::add);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("infer", c.on(), c.off(), "time ratio", "2 interleaved");
        assertThat(lines.get(1)).contains("full");
        assertThat(System.getProperty(c.property())).as("the switch is put back").isNull();
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
