package org.transferworkbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.demo.DemoDatasetGenerator.Settings;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * Sanity check that the classes carry signal: a few colour statistics, no learning, already tell them apart on
 * photos they were not fitted on. If this fails, the set teaches a network nothing.
 */
class DemoClassSignalTest {
    private static final Logger LOG = LoggerFactory.getLogger(DemoClassSignalTest.class);
    private static final Pattern PHOTO = Pattern.compile(DemoDatasetGenerator.GROUP_PATTERN);

    @TempDir
    static Path tmp;

    private static final List<Sample> samples = new ArrayList<>();

    record Sample(CellType type, int photo, double[] features) {
    }

    @BeforeAll
    static void generateAndMeasure() throws IOException {
        Path target = tmp.resolve("set");
        new DemoDatasetGenerator().generate(target, new Settings(11, 20, 96), ProgressReporter.silent(),
                CancellationToken.none());
        for (CellType type : CellType.values()) {
            for (Path image : DemoDatasetGeneratorTest.DatasetFiles.images(target.resolve(type.folderName()))) {
                Matcher m = PHOTO.matcher(image.getFileName().toString());
                assertThat(m.find()).isTrue();
                int photo = Integer.parseInt(m.group(1).substring("photo".length()));
                samples.add(new Sample(type, photo, CellStatistics.of(ImageIO.read(image.toFile()))));
            }
        }
    }

    @Test
    void classMeansOrderAsTheCellsLook() {
        Map<CellType, double[]> means = classMeans(samples);
        means.forEach((type, m) -> LOG.info("{}: {}", type, Arrays.toString(m)));
        // Dark purple nucleus: lymphocytes are mostly nucleus, red cells have none.
        assertThat(means.get(CellType.LYMPHOCYTE)[0]).isGreaterThan(means.get(CellType.NEUTROPHIL)[0]);
        assertThat(means.get(CellType.NEUTROPHIL)[0]).isGreaterThan(means.get(CellType.PLATELET)[0]);
        assertThat(means.get(CellType.PLATELET)[0]).isGreaterThan(means.get(CellType.ERYTHROCYTE)[0]);
        // Pink-red centre: only red cells.
        for (CellType other : List.of(CellType.LYMPHOCYTE, CellType.NEUTROPHIL, CellType.PLATELET)) {
            assertThat(means.get(CellType.ERYTHROCYTE)[1]).isGreaterThan(2 * means.get(other)[1]);
        }
        // A platelet leaves most of the centre unstained.
        for (CellType other : List.of(CellType.ERYTHROCYTE, CellType.LYMPHOCYTE, CellType.NEUTROPHIL)) {
            assertThat(means.get(CellType.PLATELET)[2]).isLessThan(means.get(other)[2]);
        }
        // Blue cytoplasm and nucleus make the lymphocyte centre the bluest; lilac neutrophils come next.
        assertThat(means.get(CellType.LYMPHOCYTE)[3]).isGreaterThan(means.get(CellType.NEUTROPHIL)[3]);
        assertThat(means.get(CellType.NEUTROPHIL)[3]).isGreaterThan(means.get(CellType.PLATELET)[3]);
        assertThat(means.get(CellType.PLATELET)[3]).isGreaterThan(means.get(CellType.ERYTHROCYTE)[3]);
    }

    @Test
    void nearestCentroidOnHeldOutPhotosBeatsChanceClearly() {
        // Split by photo, as users should: odd photos fit the centroids, even photos test them.
        List<Sample> fit = samples.stream().filter(s -> s.photo() % 2 == 1).toList();
        List<Sample> test = samples.stream().filter(s -> s.photo() % 2 == 0).toList();
        Map<CellType, double[]> centroids = classMeans(fit);
        double[] scale = spread(fit);
        long correct = test.stream().filter(s -> nearest(centroids, scale, s.features()) == s.type()).count();
        double accuracy = (double) correct / test.size();
        LOG.info("nearest-centroid accuracy on held-out photos: {}", accuracy);
        assertThat(accuracy).isGreaterThan(0.8);
    }

    private static Map<CellType, double[]> classMeans(List<Sample> from) {
        Map<CellType, double[]> means = new EnumMap<>(CellType.class);
        Map<CellType, Integer> counts = new EnumMap<>(CellType.class);
        for (Sample s : from) {
            double[] sum = means.computeIfAbsent(s.type(), t -> new double[s.features().length]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += s.features()[i];
            }
            counts.merge(s.type(), 1, Integer::sum);
        }
        means.forEach((type, sum) -> {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= counts.get(type);
            }
        });
        return means;
    }

    /** Standard deviation of each feature over all samples, so no fraction dominates the distance by its range. */
    private static double[] spread(List<Sample> from) {
        int k = from.get(0).features().length;
        double[] mean = new double[k];
        double[] squares = new double[k];
        for (Sample s : from) {
            for (int i = 0; i < k; i++) {
                mean[i] += s.features()[i] / from.size();
                squares[i] += s.features()[i] * s.features()[i] / from.size();
            }
        }
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            sd[i] = Math.sqrt(Math.max(1e-12, squares[i] - mean[i] * mean[i]));
        }
        return sd;
    }

    private static CellType nearest(Map<CellType, double[]> centroids, double[] scale, double[] f) {
        CellType best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<CellType, double[]> e : centroids.entrySet()) {
            double d = 0;
            for (int i = 0; i < f.length; i++) {
                double diff = (f[i] - e.getValue()[i]) / scale[i];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        return best;
    }

    /** Colour statistics that a person would also use to tell the cells apart at a glance. */
    static final class CellStatistics {
        private CellStatistics() {
        }

        /**
         * {nuclear purple fraction of the image, pink-red fraction of the centre, stained fraction of the centre,
         * mean blue minus red of the centre / 255}.
         */
        static double[] of(BufferedImage image) {
            int n = image.getWidth();
            double centre = n / 2.0;
            double centreRadius = 0.2 * n;
            int nuclear = 0;
            int pink = 0;
            int stained = 0;
            int centrePixels = 0;
            long blueMinusRed = 0;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int rgb = image.getRGB(x, y);
                    int r = (rgb >> 16) & 0xFF;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    if (b - g > 50 && r < 170) {
                        nuclear++;
                    }
                    double dx = x + 0.5 - centre;
                    double dy = y + 0.5 - centre;
                    if (dx * dx + dy * dy <= centreRadius * centreRadius) {
                        centrePixels++;
                        blueMinusRed += b - r;
                        if (r - g > 45) {
                            pink++;
                        }
                        if (g < 200) {
                            stained++;
                        }
                    }
                }
            }
            return new double[] {(double) nuclear / (n * n), (double) pink / centrePixels, (double) stained / centrePixels,
                blueMinusRed / 255.0 / centrePixels};
        }
    }
}
