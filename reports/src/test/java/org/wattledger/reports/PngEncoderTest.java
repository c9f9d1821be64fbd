package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

final class PngEncoderTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private record Chunk(String type, byte[] data, int storedCrc) {
    }

    /** Splits a PNG file into its chunks, checking the signature and that nothing trails the last chunk. */
    private static List<Chunk> chunks(byte[] png) {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), "signature");
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<Chunk> chunks = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data, in.getInt()));
        }
        return chunks;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO reads the file as an image");
        return image;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
                    assertEquals(Integer.toHexString(expected.getRGB(x, y)), Integer.toHexString(actual.getRGB(x, y)),
                            "pixel " + x + "," + y);
                }
            }
        }
    }

    private static BufferedImage randomImage(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static void assertRoundTrips(BufferedImage image) throws IOException {
        assertSamePixels(image, decode(PngEncoder.encode(image)));
    }

    @Test
    void aChartDecodesToExactlyThePixelsDrawn() throws IOException {
        JFreeChart chart = Charts.emissionsByMonth(Fixtures.rich());
        BufferedImage drawn = Charts.image(chart, Charts.WIDTH, Charts.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < drawn.getHeight(); y += 7) {
            for (int x = 0; x < drawn.getWidth(); x += 7) {
                colours.add(drawn.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a real chart, not a blank image: " + colours.size() + " colours sampled");
        byte[] png = PngEncoder.encode(drawn);
        assertSamePixels(drawn, decode(png));
        assertArrayEquals(png, Charts.png(chart, Charts.WIDTH, Charts.HEIGHT), "Charts.png encodes what it draws");
    }

    @Test
    void randomPixelsAndOddSizesRoundTrip() throws IOException {
        int[][] sizes = {{1, 1}, {3, 5}, {5, 3}, {1201, 7}, {7, 1201}, {640, 480}};
        for (int[] size : sizes) {
            assertRoundTrips(randomImage(size[0], size[1], 31L * size[0] + size[1]));
        }
    }

    @Test
    void aSubImageRoundTripsThroughItsParentsArray() throws IOException {
        BufferedImage parent = randomImage(300, 200, 7);
        assertRoundTrips(parent.getSubimage(17, 23, 131, 97));
        assertRoundTrips(parent.getSubimage(299, 199, 1, 1));
    }

    @Test
    void theUnusedTopByteOfAPixelDoesNotReachTheFile() throws IOException {
        BufferedImage clean = randomImage(50, 40, 11);
        BufferedImage dirty = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) clean.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) dirty.getRaster().getDataBuffer()).getData();
        Random random = new Random(12);
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i] | (random.nextInt(256) << 24);
        }
        assertArrayEquals(PngEncoder.encode(clean), PngEncoder.encode(dirty));
        assertSamePixels(clean, decode(PngEncoder.encode(dirty)));
    }

    @Test
    void writesSignatureHeaderDataAndEndWithCorrectCrcs() throws DataFormatException {
        int width = 600;
        int height = 400;
        // random pixels hardly compress: the data spans several IDAT chunks
        List<Chunk> chunks = chunks(PngEncoder.encode(randomImage(width, height, 5)));

        for (Chunk chunk : chunks) {
            CRC32 crc = new CRC32();
            crc.update(chunk.type().getBytes(StandardCharsets.US_ASCII));
            crc.update(chunk.data());
            assertEquals((int) crc.getValue(), chunk.storedCrc(), "CRC of " + chunk.type());
        }

        List<String> types = chunks.stream().map(Chunk::type).toList();
        assertEquals("IHDR", types.get(0));
        assertEquals("IEND", types.get(types.size() - 1));
        assertTrue(types.size() > 3, "more than one IDAT chunk: " + types);
        assertEquals(List.of("IDAT"), types.subList(1, types.size() - 1).stream().distinct().toList(),
                "only IDAT chunks between IHDR and IEND: " + types);
        assertEquals(0, chunks.get(chunks.size() - 1).data().length, "IEND is empty");

        ByteBuffer header = ByteBuffer.wrap(chunks.get(0).data());
        assertEquals(13, header.remaining());
        assertEquals(width, header.getInt());
        assertEquals(height, header.getInt());
        assertEquals(8, header.get(), "bit depth");
        assertEquals(2, header.get(), "colour type: RGB");
        assertEquals(0, header.get(), "compression method");
        assertEquals(0, header.get(), "filter method");
        assertEquals(0, header.get(), "no interlace");

        // the IDAT chunks together are one zlib stream of exactly one filter byte and 3 bytes a pixel per row
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        chunks.subList(1, chunks.size() - 1).forEach(c -> compressed.writeBytes(c.data()));
        Inflater inflater = new Inflater();
        byte[] raw = new byte[height * (1 + 3 * width) + 1];
        int length;
        try {
            inflater.setInput(compressed.toByteArray());
            length = inflater.inflate(raw);
            assertTrue(inflater.finished(), "the stream ends");
            assertEquals(0, inflater.getRemaining(), "nothing after the stream");
        } finally {
            inflater.end();
        }
        assertEquals(height * (1 + 3 * width), length);
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (1 + 3 * width)];
            assertTrue(filter >= 0 && filter <= 4, "row " + y + " has filter type " + filter);
        }
    }

    @Test
    void equalImagesGiveEqualBytes() {
        BufferedImage image = Charts.image(Charts.energyByCarrier(Fixtures.small()), 400, 300);
        byte[] first = PngEncoder.encode(image);
        assertArrayEquals(first, PngEncoder.encode(image), "the same image twice");
        assertArrayEquals(first, PngEncoder.encode(Charts.image(Charts.energyByCarrier(Fixtures.small()), 400, 300)),
                "an equal image drawn again");
        BufferedImage other = randomImage(400, 300, 1);
        assertTrue(!Arrays.equals(first, PngEncoder.encode(other)), "a different image gives other bytes");
    }

    @Test
    void refusesImagesOfOtherTypes() {
        IllegalArgumentException argb = assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
        assertTrue(argb.getMessage().contains("TYPE_INT_ARGB"), argb.getMessage());
        IllegalArgumentException bgr = assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR)));
        assertTrue(bgr.getMessage().contains("TYPE_3BYTE_BGR"), bgr.getMessage());
    }
}
