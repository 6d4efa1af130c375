package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ImageAugmenterTest {
    @Test
    void parsesAndPrintsCliSpecs() {
        AugmentationSettings all = AugmentationSettings.parse("hflip, vflip,rot=15,crop,brightness=0.2,contrast=0.25");
        assertThat(all).isEqualTo(new AugmentationSettings(true, true, 15, true, 0.2, 0.25));
        assertThat(all.toSpec()).isEqualTo("hflip,vflip,rot=15,crop,brightness=0.2,contrast=0.25");
        assertThat(AugmentationSettings.parse(all.toSpec())).isEqualTo(all);
        assertThat(AugmentationSettings.parse("none")).isEqualTo(AugmentationSettings.NONE);
        assertThat(AugmentationSettings.NONE.enabled()).isFalse();
        assertThat(AugmentationSettings.NONE.toSpec()).isEqualTo("none");
        assertThatThrownBy(() -> AugmentationSettings.parse("hflip,sharpen")).hasMessageContaining("'sharpen'");
        assertThatThrownBy(() -> AugmentationSettings.parse("rot=abc")).hasMessageContaining("no valid number");
        assertThatThrownBy(() -> AugmentationSettings.parse("rot=400")).hasMessageContaining("between 0 and 180");
    }

    @Test
    void noneReturnsTheSameImage() {
        BufferedImage image = TestImages.noise(8, 8);
        assertThat(new ImageAugmenter(AugmentationSettings.NONE).apply(image, new Random(1))).isSameAs(image);
    }

    @Test
    void horizontalFlipMirrorsAndNeverTouchesTheInput() {
        BufferedImage image = ImagePreprocessorTest.bands(16, 16);
        int[] before = image.getRGB(0, 0, 16, 16, null, 0, 16);
        ImageAugmenter flip = new ImageAugmenter(AugmentationSettings.parse("hflip"));
        boolean sawFlip = false;
        for (int seed = 0; seed < 10; seed++) {
            BufferedImage out = flip.apply(image, new Random(seed));
            sawFlip |= (out.getRGB(0, 8) & 0xFFFFFF) == 0x0000FF;
        }
        assertThat(sawFlip).isTrue();
        assertThat(image.getRGB(0, 0, 16, 16, null, 0, 16)).isEqualTo(before);
    }

    @Test
    void rotationFillsCornersWithTheMeanColourAndIsSeeded() {
        BufferedImage white = TestImages.solid(32, 32, Color.WHITE);
        ImageAugmenter rotate = new ImageAugmenter(new AugmentationSettings(false, false, 45, false, 0, 0));
        BufferedImage a = rotate.apply(white, new Random(5));
        BufferedImage b = rotate.apply(white, new Random(5));
        assertThat(a.getRGB(0, 0, 32, 32, null, 0, 32)).isEqualTo(b.getRGB(0, 0, 32, 32, null, 0, 32));
        assertThat(a.getWidth()).isEqualTo(32);
        assertThat(a.getRGB(16, 16) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void cropAndPhotometricKeepSizeAndRange() {
        ImageAugmenter augmenter = new ImageAugmenter(AugmentationSettings.parse("crop,brightness=0.5,contrast=0.5"));
        BufferedImage out = augmenter.apply(TestImages.noise(24, 24), new Random(9));
        assertThat(out.getWidth()).isEqualTo(24);
        assertThat(out.getHeight()).isEqualTo(24);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }
}
