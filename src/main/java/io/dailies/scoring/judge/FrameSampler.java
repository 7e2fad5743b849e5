package io.dailies.scoring.judge;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Frames sampled evenly across a take, as small JPEGs for a judge model. */
final class FrameSampler {

    private FrameSampler() {
    }

    static List<byte[]> sample(Path mp4, int count, int maxWidth) throws IOException {
        List<byte[]> jpegs = new ArrayList<>(count);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            int total = Math.max(1, grabber.getLengthInVideoFrames());
            int next = 0;
            int index = 0;
            for (Frame frame; jpegs.size() < count && (frame = grabber.grabImage()) != null; index++) {
                // the middle of each of `count` equal parts of the take
                int wanted = (int) ((next + 0.5) * total / count);
                if (index < wanted) {
                    continue;
                }
                jpegs.add(jpeg(converter.convert(frame), maxWidth));
                next++;
            }
            grabber.stop();
        }
        if (jpegs.isEmpty()) {
            throw new IOException("no picture could be decoded from " + mp4.getFileName());
        }
        return jpegs;
    }

    private static byte[] jpeg(BufferedImage image, int maxWidth) throws IOException {
        int width = Math.min(maxWidth, image.getWidth());
        int height = Math.max(1, image.getHeight() * width / image.getWidth());
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", out);
        return out.toByteArray();
    }
}
