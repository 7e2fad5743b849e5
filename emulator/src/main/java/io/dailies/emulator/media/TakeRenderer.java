package io.dailies.emulator.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Renders the emulator's takes as real MP4 files: H.264 (OpenH264, constrained baseline) video
 * at the requested size and frame rate, plus an AAC 48 kHz stereo track mixed to -15 LUFS
 * (about -15.1 with dialogue, -15.5 for the ambient bed alone once through the AAC encoder).
 * Output is written to a sibling temp file and moved into place, so a half-written take is
 * never visible under its final name. Deterministic for a given spec (including its seed).
 */
public final class TakeRenderer {

    private static final int AUDIO_BITRATE = 128_000;

    static {
        // FFmpeg logs encoder chatter to stderr by default; only errors matter in a batch log.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private TakeRenderer() {
    }

    /** Writes the take described by {@code spec} to {@code mp4}, replacing any existing file. */
    public static void render(RenderSpec spec, Path mp4) throws IOException {
        writeAtomically(mp4, partial -> encode(spec, partial));
    }

    /**
     * Writes an extension of {@code source} to {@code mp4}: every frame and the sound of the source, then
     * {@code continuation} (its {@link RenderSpec#seconds() seconds} being the length of the new segment)
     * as the same shot carrying on — same scene for the same seed and palette, the subject moving on from
     * where the source left it. So the result lasts the source's length plus the continuation's.
     * The source's pictures and sound are decoded and encoded again with the new segment, which costs a
     * little quality but keeps one clean H.264/AAC stream.
     *
     * @throws IllegalArgumentException when the source's frame size is not the continuation's
     */
    public static void extend(Path source, RenderSpec continuation, Path mp4) throws IOException {
        writeAtomically(mp4, partial -> stitch(source, continuation, partial));
    }

    /** What a decoder finds in a clip: frame size, length, and whether it has sound. */
    public record ClipInfo(int width, int height, double seconds, boolean audio) {
    }

    /** Reads the clip's header; an IOException when it is not a video FFmpeg can open. */
    public static ClipInfo probe(Path clip) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new IOException(clip.getFileName() + " has no video stream");
            }
            ClipInfo info = new ClipInfo(grabber.getImageWidth(), grabber.getImageHeight(),
                    Math.max(0, grabber.getLengthInTime()) / 1e6, grabber.getAudioChannels() > 0);
            grabber.stop();
            return info;
        } catch (FrameGrabber.Exception e) {
            throw new IOException("not a readable video: " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    /** Output goes to a sibling temp file moved into place, so a half-written take never has the final name. */
    private static void writeAtomically(Path mp4, Writer writer) throws IOException {
        Path parent = mp4.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = (parent == null ? Path.of(".") : parent)
                .resolve(mp4.getFileName() + ".part-" + Long.toHexString(System.nanoTime()));
        try {
            writer.write(partial);
            try {
                Files.move(partial, mp4, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, mp4, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** JPEG of the middle frame, at the video's size. */
    public static void thumbnail(Path mp4, Path jpeg) throws IOException {
        Stills.thumbnail(mp4, jpeg);
    }

    /** JPEG grid of {@code columns x rows} evenly spaced frames, as small tiles (160 px wide). */
    public static void spritesheet(Path mp4, Path jpeg, int columns, int rows) throws IOException {
        Stills.spritesheet(mp4, jpeg, columns, rows);
    }

    private static void encode(RenderSpec spec, Path file) throws IOException {
        int w = spec.width();
        int h = spec.height();
        ScenePainter painter = new ScenePainter(spec);
        float[][] audio = spec.withAudio() ? Soundtrack.mix(spec) : null;

        try (FFmpegFrameRecorder recorder = recorder(file, w, h, spec, audio != null);
             Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
            recorder.start();
            paintFrames(recorder, frame, painter, spec, 0, spec.frameCount(), audio);
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("could not encode take " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void stitch(Path source, RenderSpec continuation, Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            if (w != continuation.width() || h != continuation.height()) {
                throw new IllegalArgumentException("the source is " + w + "x" + h + ", the continuation "
                        + continuation.width() + "x" + continuation.height());
            }
            boolean sound = continuation.withAudio() || grabber.getAudioChannels() > 0;
            // A source with sound keeps a sound track to the end, silent where the continuation has none.
            float[][] audio = continuation.withAudio() ? Soundtrack.mix(continuation)
                    : sound ? new float[2][(int) Math.round(continuation.renderedSeconds() * Soundtrack.SAMPLE_RATE)] : null;
            try (FFmpegFrameRecorder recorder = recorder(file, w, h, continuation, sound);
                 Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
                recorder.start();
                byte[] pixels = new byte[w * h * 3];
                int sourceFrames = 0;
                double sourceSoundSeconds = 0;
                Frame grabbed;
                while ((grabbed = grabber.grab()) != null) {
                    if (grabbed.image != null) {
                        copyPixels(grabbed, pixels, w, h);
                        record(recorder, frame, pixels);
                        sourceFrames++;
                    }
                    if (grabbed.samples != null && sound && grabbed.sampleRate > 0) {
                        recorder.recordSamples(grabbed.sampleRate, grabbed.audioChannels, grabbed.samples);
                        sourceSoundSeconds += (double) samplesPerChannel(grabbed) / grabbed.sampleRate;
                    }
                }
                if (sourceFrames == 0) {
                    throw new IOException("no video frames in " + source.getFileName());
                }
                if (sound) {
                    // A silent source (or one whose sound ends early) gets silence up to its last frame,
                    // so the continuation's sound starts with its pictures.
                    double gap = (double) sourceFrames / continuation.fps() - sourceSoundSeconds;
                    int silence = (int) Math.round(gap * Soundtrack.SAMPLE_RATE);
                    if (silence > 0) {
                        recorder.recordSamples(Soundtrack.SAMPLE_RATE, 2,
                                FloatBuffer.wrap(new float[silence]), FloatBuffer.wrap(new float[silence]));
                    }
                }
                // The painter of the whole shot (source and continuation), asked only for the new frames: for
                // the same seed and palette its scene is the source's and its subject moves on from there.
                int newFrames = continuation.frameCount();
                RenderSpec whole = new RenderSpec(w, h, (double) (sourceFrames + newFrames) / continuation.fps(),
                        continuation.fps(), continuation.paletteRgb(), continuation.withAudio(), continuation.dialogue(),
                        continuation.seed(), continuation.defects(), continuation.cueSeconds());
                paintFrames(recorder, frame, new ScenePainter(whole), continuation, sourceFrames, newFrames, audio);
                recorder.stop();
            }
            grabber.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("could not read " + source.getFileName() + ": " + e.getMessage(), e);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("could not encode extension " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** H.264 (OpenH264) plus, if asked, AAC 48 kHz stereo, at the spec's frame rate. */
    private static FFmpegFrameRecorder recorder(Path file, int w, int h, RenderSpec spec, boolean audio) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), w, h, audio ? 2 : 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(spec.fps());
        recorder.setGopSize(2 * spec.fps());
        // Nominal rate for the stream header; with rate control off the quantiser decides.
        recorder.setVideoBitrate((int) Math.max(300_000L, Math.min(12_000_000L, (long) w * h * spec.fps() / 12)));
        // Constant quantiser: OpenH264's default "quality" rate control codes some frames of
        // slow motion as exact repeats, which would read as frozen frames.
        recorder.setVideoOption("rc_mode", "off");
        recorder.setMetadata("comment", "Dailies emulator take, seed " + spec.seed());
        if (audio) {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(Soundtrack.SAMPLE_RATE);
            recorder.setAudioChannels(2);
            recorder.setAudioBitrate(AUDIO_BITRATE);
        }
        return recorder;
    }

    /**
     * Paints frames {@code first .. first+count-1} of the painter's shot, with {@code audio} (which starts
     * at the first of them) interleaved so the muxer never has to buffer a whole track. The picture defects
     * that act on whole frames are laid over the painter's frames here, counted within these {@code count}
     * frames: BLACK_FRAMES wins over FROZEN_FRAMES, which wins over DUPLICATED_FRAMES.
     */
    private static void paintFrames(FFmpegFrameRecorder recorder, Frame frame, ScenePainter painter, RenderSpec spec,
                                    int first, int count, float[][] audio) throws FrameRecorder.Exception {
        byte[] pixels = new byte[spec.width() * spec.height() * 3];
        byte[] held = null;
        int[] frozen = spec.has(Defect.FROZEN_FRAMES) ? frozenFrames(count) : null;
        int[] black = spec.has(Defect.BLACK_FRAMES) ? blackFrames(count) : null;
        boolean judder = spec.has(Defect.DUPLICATED_FRAMES);
        int audioWritten = 0;
        for (int i = 0; i < count; i++) {
            if (within(black, i)) {
                Arrays.fill(pixels, (byte) 0);
            } else if (within(frozen, i) && held != null) {
                // FROZEN_FRAMES: the first frame of the stretch stays on screen while the clock runs on.
                System.arraycopy(held, 0, pixels, 0, pixels.length);
            } else if (!judder || i % 6 != 5) {
                // DUPLICATED_FRAMES: every sixth frame shows the previous picture again.
                painter.paint(first + i, pixels);
            }
            if (within(frozen, i) && held == null) {
                held = pixels.clone();
            }
            record(recorder, frame, pixels);
            if (audio != null) {
                int until = i == count - 1 ? audio[0].length
                        : (int) Math.min(audio[0].length, (long) (i + 1) * Soundtrack.SAMPLE_RATE / spec.fps());
                if (until > audioWritten) {
                    // Fresh arrays: JavaCPP copies a heap buffer's whole backing array.
                    recorder.recordSamples(Soundtrack.SAMPLE_RATE, 2,
                            FloatBuffer.wrap(Arrays.copyOfRange(audio[0], audioWritten, until)),
                            FloatBuffer.wrap(Arrays.copyOfRange(audio[1], audioWritten, until)));
                    audioWritten = until;
                }
            }
        }
    }

    /** FROZEN_FRAMES of a take of {@code count} frames: {@code [from, to)}, the middle 40 %. */
    static int[] frozenFrames(int count) {
        return new int[] {(int) Math.round(0.3 * count), (int) Math.round(0.7 * count)};
    }

    /** BLACK_FRAMES of a take of {@code count} frames: {@code [from, to)}, 8 % (at least 3 frames) from 45 % on. */
    static int[] blackFrames(int count) {
        int from = (int) Math.round(0.45 * count);
        int length = Math.max(3, (int) Math.round(0.08 * count));
        return new int[] {Math.min(from, count), Math.min(count, from + length)};
    }

    private static boolean within(int[] range, int index) {
        return range != null && index >= range[0] && index < range[1];
    }

    private static void record(FFmpegFrameRecorder recorder, Frame frame, byte[] pixels) throws FrameRecorder.Exception {
        ByteBuffer image = (ByteBuffer) frame.image[0];
        image.clear();
        image.put(pixels);
        image.flip();
        recorder.record(frame);
    }

    /** A decoded BGR24 picture into a tight w*h*3 array (decoders may pad each row). */
    private static void copyPixels(Frame decoded, byte[] pixels, int w, int h) {
        ByteBuffer image = ((ByteBuffer) decoded.image[0]).duplicate();
        int stride = decoded.imageStride > 0 ? decoded.imageStride : w * 3;
        for (int y = 0; y < h; y++) {
            image.limit(y * stride + w * 3).position(y * stride);
            image.get(pixels, y * w * 3, w * 3);
        }
    }

    private static int samplesPerChannel(Frame f) {
        Buffer first = f.samples[0];
        // Planar audio has one buffer per channel; interleaved puts every channel in one.
        return f.samples.length > 1 ? first.limit() : first.limit() / Math.max(1, f.audioChannels);
    }
}
