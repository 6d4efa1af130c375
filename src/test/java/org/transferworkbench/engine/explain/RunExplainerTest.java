package org.transferworkbench.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.OptimizationSettings;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggVariant;

/** Many images as one job: batches, progress, unreadable files, cancellation; batched equals one by one. */
class RunExplainerTest {

    @TempDir
    Path tmp;

    @Test
    void explainsInBatchesWithProgressSkipsUnreadableFilesAndStopsWhenCancelled() throws Exception {
        ModelSpec spec = new ModelSpec(VggVariant.parse("vgg11"), 32, 2, HeadType.COMPACT, 0, 0.5);
        RunExplainer explainer = new RunExplainer("r", VggGraphFactory.build(spec, FreezePlan.parse("conv"),
                new OptimizationSettings(new Adam(1e-3), new Adam(1e-3), 0, 3, null)), List.of("a", "b"),
                new ImagePreprocessor(32, ResizePolicy.LETTERBOX));
        List<Path> images = new ArrayList<>();
        java.util.Random rng = new java.util.Random(2);
        for (int i = 0; i < 10; i++) {
            BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < 48 * 40; p++) {
                img.setRGB(p % 48, p / 48, rng.nextInt(0xFFFFFF));
            }
            Path file = tmp.resolve("img" + i + ".png");
            ImageIO.write(img, "png", file.toFile());
            images.add(file);
        }
        images.add(5, Files.writeString(tmp.resolve("broken.png"), "not a picture"));
        List<String> failures = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();

        List<Explanation> all = explainer.explain(images, "block4_conv2", "b", failures,
                (done, total, message) -> progress.add(new long[] {done, total}), CancellationToken.none());

        assertThat(all).hasSize(10).allSatisfy(e -> {
            assertThat(e.targetClass()).isEqualTo("b");
            assertThat(e.map().layer()).isEqualTo("block4_conv2");
            assertThat(e.preprocessed().getWidth()).isEqualTo(32);
        });
        assertThat(failures).singleElement().asString().startsWith(tmp.resolve("broken.png") + ": ");
        assertThat(progress).extracting(p -> p[0]).containsExactly(9L, 11L);
        assertThat(progress).extracting(p -> p[1]).containsOnly(11L);
        Explanation alone = explainer.explain(images.get(7), "block4_conv2", "b");
        assertThat(alone.map().values()).containsExactly(all.get(6).map().values(),
                org.assertj.core.data.Offset.offset(1e-4f * all.get(6).map().max()));

        CancellationToken cancel = new CancellationToken();
        List<Explanation> before = new ArrayList<>();
        assertThatThrownBy(() -> explainer.explain(images, null, null, new ArrayList<>(),
                (done, total, message) -> cancel.cancel(), cancel, before::add))
                .isInstanceOf(CancellationException.class);
        assertThat(before).as("the first batch, then stopped").hasSize(8);
    }
}
