package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.twelvemonkeys.imageio.color.ColorSpaces;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void greyBecomesThreeEqualChannelsWithoutGammaShift() throws IOException {
        BufferedImage rgb = ImageDecoder.readRgb(TestImages.greyPng(dir.resolve("g.png"), 100));
        assertThat(rgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(rgb.getRGB(3, 3) & 0xFFFFFF).isEqualTo(100 << 16 | 100 << 8 | 100);
    }

    @Test
    void sixteenBitGreyKeepsItsTopByte() throws IOException {
        BufferedImage rgb = ImageDecoder.readRgb(TestImages.grey16Png(dir.resolve("g16.png"), 40000));
        int expected = (int) Math.round(40000 / 65535.0 * 255);
        assertThat(rgb.getRGB(0, 0) & 0xFF).isEqualTo(expected);
    }

    @Test
    void transparencyIsCompositedOntoWhite() throws IOException {
        BufferedImage rgb = ImageDecoder.readRgb(TestImages.halfTransparentPng(dir.resolve("a.png")));
        assertThat(rgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(rgb.getRGB(7, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void paletteGifDecodes() throws IOException {
        BufferedImage rgb = ImageDecoder.readRgb(TestImages.paletteGif(dir.resolve("p.gif")));
        assertThat(rgb.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void formatIsRecognisedByContentNotExtension() throws IOException {
        Path png = TestImages.png(dir.resolve("actually-png.jpg"));
        assertThat(ImageDecoder.readRgb(png).getWidth()).isEqualTo(16);
    }

    @Test
    void exifOrientationSixTurnsTheImageClockwise() throws IOException {
        BufferedImage stored = TestImages.solid(32, 16, Color.BLUE);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 16, 16); // left half red
        g.dispose();
        Path file = dir.resolve("rotated.jpg");
        Files.write(file, TestImages.withExifOrientation(TestImages.jpegBytes(stored), 6));

        BufferedImage upright = ImageDecoder.readRgb(file);

        assertThat(upright.getWidth()).isEqualTo(16);
        assertThat(upright.getHeight()).isEqualTo(32);
        assertThat(new Color(upright.getRGB(8, 4)).getRed()).isGreaterThan(200); // top half is the old left half
        assertThat(new Color(upright.getRGB(8, 28)).getBlue()).isGreaterThan(200);
        assertThat(ImageDecoder.readSize(file)).isEqualTo(new Dimension(32, 16)); // header size, before rotation
    }

    @Test
    void allEightOrientationsMapCornersCorrectly() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] pixels = {1, 2, 3, 4, 5, 6}; // row-major 3 wide, 2 high
        image.setRGB(0, 0, 3, 2, pixels, 0, 3);
        int[][] expectedFirstRow = {{}, {1, 2, 3}, {3, 2, 1}, {6, 5, 4}, {4, 5, 6}, {1, 4}, {4, 1}, {6, 3}, {3, 6}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage out = ExifOrientation.apply(image, orientation);
            int[] row = out.getRGB(0, 0, out.getWidth(), 1, null, 0, out.getWidth());
            for (int i = 0; i < row.length; i++) {
                row[i] &= 0xFFFFFF;
            }
            assertThat(row).as("orientation %d", orientation).containsExactly(expectedFirstRow[orientation]);
        }
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws IOException {
        var cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false, java.awt.Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, new int[] {0, 255, 255, 0}); // full magenta + yellow: red
            }
        }
        Path file = dir.resolve("cmyk.jpg");
        boolean written = ImageIO.write(new BufferedImage(model, raster, false, null), "jpeg", file.toFile());
        Assumptions.assumeTrue(written, "no JPEG writer for CMYK on this classpath");

        Color centre = new Color(ImageDecoder.readRgb(file).getRGB(8, 8));
        assertThat(centre.getRed()).isGreaterThan(180);
        assertThat(centre.getGreen()).isLessThan(90);
        assertThat(centre.getBlue()).isLessThan(90);
    }

    @Test
    void decompressionBombIsRefusedFromTheHeader() throws IOException {
        Path bomb = TestImages.headerOnlyPng(dir.resolve("bomb.png"), 50000, 50000);
        assertThat(ImageDecoder.readSize(bomb)).isEqualTo(new Dimension(50000, 50000));
        assertThatThrownBy(() -> ImageDecoder.readRgb(bomb)).isInstanceOf(UnreadableImageException.class)
                .hasMessage("image too large: header says 50000x50000 pixels (limit 40 megapixels)");
        Path strip = TestImages.headerOnlyPng(dir.resolve("strip.png"), 30000, 10);
        assertThatThrownBy(() -> ImageDecoder.readRgb(strip))
                .hasMessage("image too large: header says 30000x10 pixels (limit 20000 pixels per side)");
    }

    @Test
    void damagedFilesGiveOneSentenceReasons() throws IOException {
        assertThatThrownBy(() -> ImageDecoder.readRgb(TestImages.truncatedJpeg(dir.resolve("t.jpg"))))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessage("not a readable image: truncated JPEG data");
        Path text = Files.writeString(dir.resolve("x.png"), "hello");
        assertThatThrownBy(() -> ImageDecoder.readRgb(text))
                .hasMessage("not a readable image: the content is not a known image format");
        Path empty = Files.write(dir.resolve("e.png"), new byte[0]);
        assertThatThrownBy(() -> ImageDecoder.readSize(empty)).hasMessage("empty file (0 bytes)");
        assertThatThrownBy(() -> ImageDecoder.readRgb(dir.resolve("gone.png")))
                .hasMessage("unreadable: the file no longer exists");
    }
}
