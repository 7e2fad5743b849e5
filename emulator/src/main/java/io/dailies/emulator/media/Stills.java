package io.dailies.emulator.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Thumbnails and contact sheets for the dailies review page, as JPEG. */
final class Stills {

    static final int TILE_WIDTH = 160;
    private static final float JPEG_QUALITY = 0.85f;

    private Stills() {
    }

    static void thumbnail(Path mp4, Path jpeg) throws IOException {
        int estimated;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            estimated = Math.max(1, grabber.getLengthInVideoFrames());
        }
        BufferedImage middle = frameAt(mp4, estimated / 2);
        if (middle == null) {
            // The container's frame count was only an estimate: count for real and retry.
            int actual = countFrames(mp4);
            if (actual == 0) {
                throw new IOException("no video frames in " + mp4.getFileName());
            }
            middle = frameAt(mp4, actual / 2);
        }
        writeJpeg(middle, jpeg);
    }

    /** Decodes forward to frame {@code target} (frame-exact, and takes are short); null if the take ends first. */
    private static BufferedImage frameAt(Path mp4, int target) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame;
            for (int index = 0; (frame = grabber.grabImage()) != null; index++) {
                if (index == target) {
                    return copy(converter.convert(frame));
                }
            }
            return null;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("could not read " + mp4.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static int countFrames(Path mp4) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            int count = 0;
            while (grabber.grabImage() != null) {
                count++;
            }
            return count;
        }
    }

    static void spritesheet(Path mp4, Path jpeg, int columns, int rows) throws IOException {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("spritesheet needs at least one column and row");
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            int tileW = Math.min(TILE_WIDTH, w);
            int tileH = Math.max(2, (int) Math.round((double) tileW * h / w));
            grabber.stop();
            // Let swscale shrink the frames while decoding instead of scaling in Java.
            grabber.setImageWidth(tileW);
            grabber.setImageHeight(tileH);
            grabber.start();
            int cells = columns * rows;
            int total = Math.max(1, grabber.getLengthInVideoFrames());
            BufferedImage sheet = new BufferedImage(columns * tileW, rows * tileH, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = sheet.createGraphics();
            try {
                BufferedImage last = null;
                int cell = 0;
                int index = 0;
                Frame frame;
                while (cell < cells && (frame = grabber.grabImage()) != null) {
                    BufferedImage image = converter.convert(frame);
                    // Centre of each of `cells` equal slices of the take.
                    while (cell < cells && index == (int) ((cell + 0.5) * total / cells)) {
                        g.drawImage(image, (cell % columns) * tileW, (cell / columns) * tileH, null);
                        cell++;
                    }
                    last = image;
                    index++;
                }
                // The container's frame count is an estimate; pad with the last frame if it was high.
                for (; cell < cells && last != null; cell++) {
                    g.drawImage(last, (cell % columns) * tileW, (cell / columns) * tileH, null);
                }
            } finally {
                g.dispose();
            }
            grabber.stop();
            writeJpeg(sheet, jpeg);
        } catch (FrameGrabber.Exception e) {
            throw new IOException("could not read " + mp4.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The converter reuses its image for every frame; keep a private copy. */
    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static void writeJpeg(BufferedImage image, Path jpeg) throws IOException {
        Path parent = jpeg.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream file = Files.newOutputStream(jpeg);
             ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
