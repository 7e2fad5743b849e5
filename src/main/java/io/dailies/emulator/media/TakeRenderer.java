package io.dailies.emulator.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
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
        Path parent = mp4.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = (parent == null ? Path.of(".") : parent)
                .resolve(mp4.getFileName() + ".part-" + Long.toHexString(System.nanoTime()));
        try {
            encode(spec, partial);
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
        int frames = spec.frameCount();
        ScenePainter painter = new ScenePainter(spec);
        float[][] audio = spec.withAudio() ? Soundtrack.mix(spec) : null;

        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), w, h, audio != null ? 2 : 0);
             Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
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
            if (audio != null) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(Soundtrack.SAMPLE_RATE);
                recorder.setAudioChannels(2);
                recorder.setAudioBitrate(AUDIO_BITRATE);
            }
            recorder.start();
            byte[] pixels = new byte[w * h * 3];
            int audioWritten = 0;
            boolean judder = spec.has(Defect.DUPLICATED_FRAMES);
            for (int i = 0; i < frames; i++) {
                // DUPLICATED_FRAMES: every sixth frame shows the previous picture again.
                if (!judder || i % 6 != 5) {
                    painter.paint(i, pixels);
                }
                ByteBuffer image = (ByteBuffer) frame.image[0];
                image.clear();
                image.put(pixels);
                image.flip();
                recorder.record(frame);
                if (audio != null) {
                    // Interleave audio with video so the muxer never has to buffer a whole track.
                    int until = i == frames - 1 ? audio[0].length
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
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("could not encode take " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
