package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.w3c.dom.NodeList;

/** {@code gradcam} on a real (tiny) trained run: files, what it prints, and bad choices refused up front. */
class GradCamCliTest {

    @TempDir
    Path tmp;

    @Test
    void writesAnOverlayAndARawMapPerImageAndRefusesBadChoices() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 12, 32, 5);
        Path runs = tmp.resolve("runs");
        EndToEndCliTest.captureStdout(() -> assertThat(Cli.run("train", "--data", data.toString(), "--runs-dir",
                runs.toString(), "--model", "vgg11", "--freeze", "conv", "--input", "32", "--epochs", "1",
                "--batch", "4", "--hidden", "0", "--patience", "0", "--name", "cam")).isZero());
        String run = new RunStore(runs).list().get(0).id();
        Path out = tmp.resolve("maps");

        String printed = EndToEndCliTest.captureStdout(() -> assertThat(Cli.run("gradcam", run,
                data.resolve("red_disc").toString(), "--class", "green_square", "--out", out.toString(),
                "--runs-dir", runs.toString())).isZero());

        assertThat(printed).contains("Grad-CAM of run " + run + " at layer block5_conv2 for class green_square");
        List<String> lines = printed.lines().filter(l -> l.contains(".gradcam.png")).toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).matches(".*img_000\\.png: (blue_triangle|green_square|red_disc) [01]\\.\\d{4}"
                + "(, map for green_square \\([01]\\.\\d{4}\\))? -> .*img_000\\.gradcam\\.png.*");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(24);
        }
        BufferedImage overlay = ImageIO.read(out.resolve("img_003.gradcam.png").toFile());
        assertThat(overlay.getWidth()).isEqualTo(224); // 32 px input shown 7 times larger
        assertThat(ImageIO.read(out.resolve("img_003.gradcam-raw.png").toFile()).getHeight()).isEqualTo(224);
        Map<String, String> text = pngText(out.resolve("img_003.gradcam.png"));
        assertThat(text).containsEntry("tw-format", "gradcam").containsEntry("tw-format-version", "1")
                .containsEntry("tw-run", run).containsEntry("tw-layer", "block5_conv2")
                .containsEntry("tw-class", "green_square");

        assertRefused(new String[] {"gradcam", run, data.toString(), "--layer", "block9_conv1", "--out",
            out.toString(), "--runs-dir", runs.toString()},
                "Error: There is no layer 'block9_conv1' in this network; choose one of block1_conv1, block2_conv1,");
        assertRefused(new String[] {"gradcam", run, data.toString(), "--class", "purple_star", "--out",
            out.toString(), "--runs-dir", runs.toString()}, "Error: There is no class 'purple_star' in run " + run
                + "; its classes are blue_triangle, green_square, red_disc.");
    }

    private static void assertRefused(String[] args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Cli.commandLine();
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cl.execute(args)).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(message).doesNotContain("Exception");
    }

    private static Map<String, String> pngText(Path png) throws Exception {
        Map<String, String> text = new HashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            NodeList entries = root.getElementsByTagName("tEXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                IIOMetadataNode e = (IIOMetadataNode) entries.item(i);
                text.put(e.getAttribute("keyword"), e.getAttribute("value"));
            }
            reader.dispose();
        }
        return text;
    }
}
