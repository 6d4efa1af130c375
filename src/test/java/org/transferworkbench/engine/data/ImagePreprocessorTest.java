package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {
    @Test
    void writesChannelsFirstInBgrOrderWithCaffeMeansSubtracted() {
        ImagePreprocessor pre = new ImagePreprocessor(4, ResizePolicy.SHORTER_SIDE_CENTER_CROP);
        BufferedImage image = TestImages.solid(4, 4, Color.BLACK);
        image.setRGB(1, 2, new Color(200, 100, 50).getRGB());
        float[] target = new float[10 + pre.tensorLength()];

        pre.writeTensor(image, target, 10);

        int index = 2 * 4 + 1; // y * width + x
        assertThat(target[10 + index]).isCloseTo(50 - 103.939f, offset(1e-4f));        // B plane
        assertThat(target[10 + 16 + index]).isCloseTo(100 - 116.779f, offset(1e-4f));   // G plane
        assertThat(target[10 + 32 + index]).isCloseTo(200 - 123.68f, offset(1e-4f));    // R plane
        assertThat(target[10]).isCloseTo(-103.939f, offset(1e-4f));
        assertThat(target[9]).isZero(); // nothing written before the offset
    }

    @Test
    void centerCropKeepsTheMiddleSquare() {
        BufferedImage wide = bands(16, 8); // red | green (middle 8 columns) | blue
        BufferedImage resized = new ImagePreprocessor(4, ResizePolicy.SHORTER_SIDE_CENTER_CROP).resize(wide);

        assertThat(resized.getWidth()).isEqualTo(4);
        assertThat(resized.getHeight()).isEqualTo(4);
        for (int x = 0; x < 4; x++) {
            assertThat(resized.getRGB(x, 2) & 0xFFFFFF).as("column %d", x).isEqualTo(0x00FF00);
        }
    }

    @Test
    void letterboxPadsWithTheMeanColourWhichBecomesZero() {
        ImagePreprocessor pre = new ImagePreprocessor(4, ResizePolicy.LETTERBOX);
        BufferedImage resized = pre.resize(TestImages.solid(8, 4, Color.WHITE));

        assertThat(resized.getRGB(0, 0)).isEqualTo(ImagePreprocessor.MEAN_COLOUR.getRGB()); // padding rows 0, 3
        assertThat(resized.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        float[] tensor = new float[pre.tensorLength()];
        pre.writeTensor(resized, tensor, 0);
        assertThat(tensor[0]).isCloseTo(0f, offset(0.5f));
        assertThat(tensor[16]).isCloseTo(0f, offset(0.5f));
        assertThat(tensor[32]).isCloseTo(0f, offset(0.5f));
    }

    @Test
    void largeDownscaleAveragesInsteadOfAliasing() {
        BufferedImage checker = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        BufferedImage small = new ImagePreprocessor(8, ResizePolicy.SHORTER_SIDE_CENTER_CROP).resize(checker);
        int grey = small.getRGB(3, 3) & 0xFF;
        assertThat(grey).isBetween(110, 145); // a one-pixel checkerboard averages to grey
    }

    @Test
    void toTensorResizesAnySizeIncludingOnePixel() {
        ImagePreprocessor pre = new ImagePreprocessor(224, ResizePolicy.SHORTER_SIDE_CENTER_CROP);
        float[] tensor = pre.toTensor(TestImages.solid(1, 1, new Color(124, 117, 104)));
        assertThat(tensor).hasSize(3 * 224 * 224);
        assertThat(tensor[224 * 224 * 3 - 1]).isCloseTo(0.32f, offset(0.01f));
    }

    @Test
    void writeTensorRefusesUnresizedImages() {
        ImagePreprocessor pre = new ImagePreprocessor(4, ResizePolicy.LETTERBOX);
        assertThatThrownBy(() -> pre.writeTensor(TestImages.solid(5, 4, Color.RED), new float[100], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resize first");
    }

    static BufferedImage bands(int width, int height) {
        BufferedImage image = TestImages.solid(width, height, Color.RED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(width / 4, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width * 3 / 4, 0, width / 4, height);
        g.dispose();
        return image;
    }
}
