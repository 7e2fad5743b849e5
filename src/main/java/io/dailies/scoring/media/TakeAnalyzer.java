package io.dailies.scoring.media;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Measures a delivered take in a single decoding pass. FFmpeg decodes every video frame and
 * area-downscales it (swscale, {@code SWS_AREA}) to an analysis plane of about 180 lines
 * (320x180 for 16:9; small takes stay as they are), so the Java side touches ~58 k pixels a frame
 * whatever the resolution. On that plane:
 * <ul>
 *   <li>mean luma, black frames, colour samples for the dominant colours, first / last frame
 *       histograms;</li>
 *   <li>camera motion by tiled phase correlation ({@link GlobalMotion}), giving jitter and drift
 *       ({@link CameraShake});</li>
 *   <li>flicker and lighting jumps from luma steps measured on the area two consecutive frames
 *       share after the camera's shift ({@link LightingMeasures});</li>
 *   <li>repeated frames, split into frozen stretches and isolated duplicates.</li>
 * </ul>
 * All audio is kept for loudness (integrated, maximum momentary and short-term, true peak), the
 * speech band and sound onsets. Each call opens its own decoder, so takes can be analysed in
 * parallel.
 */
public final class TakeAnalyzer {

    /** Dominant colours reported (the guide asks producers for 3-5 anchors). */
    static final int DOMINANT_COLOURS = 5;
    /** Lines of the analysis plane (the shorter side); takes at or below this are not scaled. */
    static final int ANALYSIS_LINES = 180;
    /** Change of any colour channel (levels) that counts as real rather than codec noise. */
    private static final int FROZEN_TOLERANCE = 4;
    /** A frame pair is a repeat when fewer than this share of plane pixels changed. */
    private static final double FROZEN_CHANGED_SHARE = 0.0002;
    /** Repeats in a row up to this many are duplicates (judder); longer runs are a frozen picture. */
    static final int MAX_DUPLICATE_RUN = 2;
    /** Pixels brighter than this (luma) ... */
    private static final int BLACK_LUMA = 32;
    /** ... on no more than this share of the plane make a black frame. */
    private static final double BLACK_BRIGHT_SHARE = 0.02;
    /** Frames sampled for dominant colours. */
    private static final int COLOUR_FRAMES = 16;
    /** Digital silence: sample peak below -90 dBFS. */
    private static final double SILENCE_PEAK = Math.pow(10, -90 / 20.0);

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private TakeAnalyzer() {
    }

    /** Measures a take, its video analysed on a thread of the default factory (plain Java callers: tests, benchmarks). */
    public static TakeMeasurements analyze(Path mp4) throws IOException {
        return analyze(mp4, Executors.defaultThreadFactory());
    }

    /** Decodes the whole take once and measures it. */
    public static TakeMeasurements analyze(Path mp4, ThreadFactory threads) throws IOException {
        if (!Files.isRegularFile(mp4)) {
            throw new IOException("no such take: " + mp4);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.start();
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            if (width <= 0 || height <= 0) {
                throw new IOException("no video stream in " + mp4.getFileName());
            }
            double fps = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
            boolean hasAudio = grabber.getAudioChannels() > 0;
            int[] plane = planeSize(width, height);
            // swscale picks the size up at the next frame (also if the stream changes size mid-way);
            // an area filter averages every source pixel into the plane.
            grabber.setImageWidth(plane[0]);
            grabber.setImageHeight(plane[1]);
            grabber.setImageScalingFlags(swscale.SWS_AREA);
            VideoPass video = new VideoPass(width, height, plane[0], plane[1], grabber.getLengthInVideoFrames());
            AudioPass audio = hasAudio ? new AudioPass(grabber.getAudioChannels()) : null;
            // The picture measurements run on their own thread while FFmpeg decodes the next frames.
            try (VideoWorker worker = new VideoWorker(video, threads)) {
                Frame frame;
                while ((frame = grabber.grab()) != null) {
                    if (frame.image != null) {
                        worker.submit(frame);
                    }
                    if (frame.samples != null && audio != null) {
                        audio.add(frame);
                    }
                }
                worker.finish();
                String videoCodec = grabber.getVideoCodecName();
                String audioCodec = hasAudio ? grabber.getAudioCodecName() : null;
                int sampleRate = hasAudio ? grabber.getSampleRate() : 0;
                double containerSeconds = Math.max(0, grabber.getLengthInTime()) / 1e6;
                grabber.stop();
                // ... and the audio is measured while that thread catches up.
                AudioResult sound = audio == null ? null : audio.measure(sampleRate);
                worker.await();
                return measurements(video, sound, channelsOf(audio), fps, containerSeconds, videoCodec,
                        audioCodec, sampleRate);
            }
        } catch (FrameGrabber.Exception e) {
            throw new IOException("could not decode " + mp4.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static int channelsOf(AudioPass audio) {
        return audio == null ? 0 : audio.channels;
    }

    /** The audio figures, measured once decoding is done. */
    private record AudioResult(boolean silent, Double peakDbfs, LoudnessMeter.Levels levels, Double speech,
                               double[] onsets) {
    }

    /**
     * Runs {@link VideoPass#process} on a thread of its own. The decoding thread copies each
     * analysis-size picture into a pooled buffer and queues it (a few frames deep, so memory stays
     * flat); the worker measures it and hands the buffer it no longer needs back to the pool.
     */
    private static final class VideoWorker implements AutoCloseable {
        private static final Picture END = new Picture(null, 0);
        private final VideoPass video;
        private final ArrayBlockingQueue<Picture> queue = new ArrayBlockingQueue<>(4);
        private final ArrayBlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile Throwable failure;
        private boolean finished;

        private record Picture(byte[] bgr, long timestamp) {
        }

        VideoWorker(VideoPass video, ThreadFactory threads) {
            this.video = video;
            // In the server a managed thread: the container knows it, and it carries the container's context.
            this.thread = threads.newThread(this::run);
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                while (true) {
                    Picture p = queue.take();
                    if (p == END) {
                        return;
                    }
                    byte[] spare = video.process(p.bgr(), p.timestamp());
                    if (spare != null) {
                        pool.offer(spare);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                queue.clear();
            }
        }

        void submit(Frame frame) throws IOException {
            byte[] bgr = pool.poll();
            if (bgr == null) {
                bgr = new byte[video.planeW * video.planeH * 3];
            }
            video.copy(frame, bgr);
            put(new Picture(bgr, frame.timestamp));
        }

        void finish() throws IOException {
            finished = true;
            put(END);
        }

        private void put(Picture p) throws IOException {
            try {
                while (!queue.offer(p, 100, TimeUnit.MILLISECONDS)) {
                    checkFailure();
                    if (!thread.isAlive()) {
                        throw new IOException("video analysis stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while analysing", e);
            }
            checkFailure();
        }

        void await() throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while analysing", e);
            }
            checkFailure();
        }

        private void checkFailure() throws IOException {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IOException("video analysis failed: " + t.getMessage(), t);
            }
        }

        @Override
        public void close() {
            if (!finished || thread.isAlive()) {
                queue.clear();
                queue.offer(END);
                thread.interrupt();
            }
        }
    }

    /** Analysis plane for a frame size: shorter side {@value #ANALYSIS_LINES}, even sides, never upscaled. */
    static int[] planeSize(int width, int height) {
        int shorter = Math.min(width, height);
        if (shorter <= ANALYSIS_LINES) {
            return new int[] {width, height};
        }
        double scale = (double) shorter / ANALYSIS_LINES;
        int w = Math.max(2, 2 * (int) Math.round(width / scale / 2));
        int h = Math.max(2, 2 * (int) Math.round(height / scale / 2));
        return new int[] {w, h};
    }

    private static TakeMeasurements measurements(VideoPass video, AudioResult audio, int channels, double fps,
                                                 double containerSeconds, String videoCodec,
                                                 String audioCodec, int sampleRate) {
        double[] luma = video.meanLuma.toArray();
        int frames = luma.length;
        double duration = frames == 0 ? 0 : video.durationSeconds(fps);

        Double lufs = null;
        Double maxMomentary = null;
        Double maxShortTerm = null;
        Double truePeak = null;
        Double peakDbfs = null;
        Double speech = null;
        double[] onsets = new double[0];
        boolean silent = false;
        if (audio != null) {
            silent = audio.silent();
            if (!silent) {
                peakDbfs = round(audio.peakDbfs(), 100);
                lufs = round(audio.levels().integratedLufs(), 100);
                maxMomentary = round(audio.levels().maxMomentaryLufs(), 100);
                maxShortTerm = round(audio.levels().maxShortTermLufs(), 100);
                truePeak = round(audio.levels().truePeakDbtp(), 100);
                speech = round(audio.speech(), 10000);
                onsets = audio.onsets();
            }
        }
        double[] roundedLuma = new double[frames];
        for (int i = 0; i < frames; i++) {
            roundedLuma[i] = round(luma[i], 1000);
        }
        // Exposure from luma steps measured where consecutive frames overlap after the camera's shift.
        double[] steady = LightingMeasures.fromSteps(luma.length == 0 ? 0 : luma[0], video.lumaSteps.toArray());
        double[] shiftX = video.shiftX.toArray();
        double[] shiftY = video.shiftY.toArray();
        int half = CameraShake.trendHalfWindow(fps);
        Repeats repeats = Repeats.of(video.repeats.toArray());
        return new TakeMeasurements(
                video.width, video.height, round(fps, 1000), round(duration, 10000), round(containerSeconds, 10000),
                videoCodec, audioCodec, audio != null, sampleRate, channels, frames, roundedLuma,
                round(LightingMeasures.flickerIndex(steady), 10000),
                round(LightingMeasures.largestStep(steady), 10000),
                round(LightingMeasures.largestStepRatio(steady), 10000),
                LightingMeasures.largestStepFrame(steady),
                frames < 2 ? 0 : round((double) repeats.frozenPairs / (frames - 1), 10000),
                frames == 0 ? 0 : round((double) video.blackFrames / frames, 10000),
                round(CameraShake.shakeRms(shiftX, shiftY, half), 10000),
                ColourClusters.dominant(video.colourSamples.values, video.colourSamples.size, DOMINANT_COLOURS),
                video.firstHistogram == null ? new double[0] : ColourHistogram.normalised(video.firstHistogram),
                video.lastHistogram() == null ? new double[0] : ColourHistogram.normalised(video.lastHistogram()),
                lufs, peakDbfs, speech, silent, video.sampleStep(),
                round(CameraShake.driftPx(shiftX, shiftY, half), 100),
                repeats.duplicates,
                frames == 0 ? 0 : round((double) repeats.duplicates / frames, 10000),
                maxMomentary, maxShortTerm, truePeak, onsets);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    private static Double round(Double value, double scale) {
        return value == null || !Double.isFinite(value) ? null : round(value.doubleValue(), scale);
    }

    /** Runs of repeated frames split into frozen stretches and isolated duplicates. */
    record Repeats(int frozenPairs, int duplicates) {

        /** {@code same[i]}: frame i+1 repeats frame i. */
        static Repeats of(boolean[] same) {
            int frozen = 0;
            int duplicates = 0;
            int i = 0;
            while (i < same.length) {
                if (!same[i]) {
                    i++;
                    continue;
                }
                int run = 0;
                while (i < same.length && same[i]) {
                    run++;
                    i++;
                }
                if (run <= MAX_DUPLICATE_RUN) {
                    duplicates += run;
                } else {
                    frozen += run;
                }
            }
            return new Repeats(frozen, duplicates);
        }
    }

    /** Per-frame video measurements on the analysis plane, accumulated as frames are decoded. */
    private static final class VideoPass {
        final int width;
        final int height;
        final int planeW;
        final int planeH;
        final int colourEvery;
        final DoubleList meanLuma = new DoubleList();
        final DoubleList lumaSteps = new DoubleList();
        final DoubleList shiftX = new DoubleList();
        final DoubleList shiftY = new DoubleList();
        final BooleanList repeats = new BooleanList();
        final IntList colourSamples = new IntList();
        final GlobalMotion motion;
        final double scaleX;
        final double scaleY;
        int blackFrames;
        double[] firstHistogram;
        private byte[] previousBgr;
        private float[] luma;
        private float[] previousLuma;
        private long firstTimestamp = Long.MIN_VALUE;
        private long lastTimestamp;
        private int index;

        VideoPass(int width, int height, int planeW, int planeH, int estimatedFrames) {
            this.width = width;
            this.height = height;
            this.planeW = planeW;
            this.planeH = planeH;
            this.colourEvery = Math.max(1, estimatedFrames / COLOUR_FRAMES);
            this.previousBgr = new byte[planeW * planeH * 3];
            this.luma = new float[planeW * planeH];
            this.previousLuma = new float[planeW * planeH];
            this.motion = new GlobalMotion(planeW, planeH);
            this.scaleX = (double) width / planeW;
            this.scaleY = (double) height / planeH;
        }

        int sampleStep() {
            return Math.max(1, (int) Math.round(Math.min(scaleX, scaleY)));
        }

        /** Copies a decoded analysis-size BGR picture into {@code into}, rows packed (decoding thread). */
        void copy(Frame frame, byte[] into) {
            if (frame.imageWidth != planeW || frame.imageHeight != planeH || frame.imageChannels != 3) {
                throw new IllegalStateException("decoder delivered " + frame.imageWidth + "x" + frame.imageHeight
                        + "x" + frame.imageChannels + ", expected " + planeW + "x" + planeH + "x3");
            }
            int stride = frame.imageStride;
            ByteBuffer buffer = (ByteBuffer) frame.image[0];
            int rowBytes = planeW * 3;
            for (int y = 0; y < planeH; y++) {
                buffer.get(y * stride, into, y * rowBytes, rowBytes);
            }
        }

        /**
         * Measures the next picture (packed BGR, analysis size). Keeps {@code picture} as the previous
         * frame and returns the buffer it no longer needs (null at first).
         */
        byte[] process(byte[] picture, long timestamp) {
            if (firstTimestamp == Long.MIN_VALUE) {
                firstTimestamp = timestamp;
            }
            lastTimestamp = timestamp;
            byte[] bgr = picture;
            boolean sampleColours = index % colourEvery == 0;
            double sum = 0;
            int bright = 0;
            int changed = 0;
            byte[] previous = previousBgr;
            for (int y = 0, p = 0; y < planeH; y++) {
                for (int x = 0; x < planeW; x++, p++) {
                    int o = 3 * p;
                    int b = bgr[o] & 0xFF;
                    int g = bgr[o + 1] & 0xFF;
                    int r = bgr[o + 2] & 0xFF;
                    float v = 0.299f * r + 0.587f * g + 0.114f * b;
                    luma[p] = v;
                    sum += v;
                    if (v > BLACK_LUMA) {
                        bright++;
                    }
                    if (Math.abs(b - (previous[o] & 0xFF)) > FROZEN_TOLERANCE
                            || Math.abs(g - (previous[o + 1] & 0xFF)) > FROZEN_TOLERANCE
                            || Math.abs(r - (previous[o + 2] & 0xFF)) > FROZEN_TOLERANCE) {
                        changed++;
                    }
                    // A coarser grid is plenty for clustering.
                    if (sampleColours && (x & 3) == 0 && (y & 3) == 0) {
                        colourSamples.add((r << 16) | (g << 8) | b);
                    }
                }
            }
            int points = planeW * planeH;
            meanLuma.add(sum / points);
            if (bright <= BLACK_BRIGHT_SHARE * points) {
                blackFrames++;
            }
            if (firstHistogram == null) {
                firstHistogram = histogram(bgr);
            }
            double[] shift = motion.next(luma);
            if (index > 0) {
                repeats.add(changed < FROZEN_CHANGED_SHARE * points);
                shiftX.add(shift[0] * scaleX);
                shiftY.add(shift[1] * scaleY);
                lumaSteps.add(overlapStep((int) Math.round(shift[0]), (int) Math.round(shift[1])));
            }
            byte[] spare = index == 0 ? null : previousBgr;
            previousBgr = bgr;
            float[] l = previousLuma;
            previousLuma = luma;
            luma = l;
            index++;
            return spare;
        }

        /**
         * Change of mean luma from the previous frame to this one, both measured on the area they
         * share once this frame is moved back by the camera's (rounded) shift.
         */
        private double overlapStep(int dx, int dy) {
            dx = Math.max(-planeW / 2, Math.min(planeW / 2, dx));
            dy = Math.max(-planeH / 2, Math.min(planeH / 2, dy));
            int x0 = Math.max(0, dx);
            int x1 = Math.min(planeW, planeW + dx);
            int y0 = Math.max(0, dy);
            int y1 = Math.min(planeH, planeH + dy);
            double current = 0;
            double before = 0;
            for (int y = y0; y < y1; y++) {
                int row = y * planeW;
                int previousRow = (y - dy) * planeW - dx;
                for (int x = x0; x < x1; x++) {
                    current += luma[row + x];
                    before += previousLuma[previousRow + x];
                }
            }
            int area = Math.max(1, (x1 - x0) * (y1 - y0));
            return (current - before) / area;
        }

        double[] lastHistogram() {
            return index == 0 ? null : histogram(previousBgr);
        }

        private double[] histogram(byte[] picture) {
            double[] histogram = new double[ColourHistogram.SIZE];
            for (int o = 0; o < planeW * planeH * 3; o += 3) {
                ColourHistogram.add(histogram, picture[o + 2] & 0xFF, picture[o + 1] & 0xFF, picture[o] & 0xFF);
            }
            return histogram;
        }

        /** First to last frame timestamp plus one frame; frame count / fps if timestamps are missing. */
        double durationSeconds(double fps) {
            int frames = meanLuma.size;
            double frame = fps > 0 ? 1 / fps : 0;
            if (frames > 1 && lastTimestamp > firstTimestamp) {
                return (lastTimestamp - firstTimestamp) / 1e6 + frame;
            }
            return frames * frame;
        }
    }

    /** All decoded audio as planar float channels. */
    private static final class AudioPass {
        final int channels;
        private final FloatList[] data;

        AudioPass(int channels) {
            this.channels = channels;
            this.data = new FloatList[channels];
            for (int c = 0; c < channels; c++) {
                data[c] = new FloatList();
            }
        }

        void add(Frame frame) {
            Buffer[] samples = frame.samples;
            if (samples.length == channels && channels > 1) {
                for (int c = 0; c < channels; c++) {
                    append(samples[c], 0, 1, data[c]);
                }
            } else {
                for (int c = 0; c < channels; c++) {
                    append(samples[0], c, channels, data[c]);
                }
            }
        }

        private static void append(Buffer buffer, int first, int stride, FloatList to) {
            int n = buffer.limit();
            if (buffer instanceof FloatBuffer f) {
                for (int i = first; i < n; i += stride) {
                    to.add(f.get(i));
                }
            } else if (buffer instanceof ShortBuffer s) {
                for (int i = first; i < n; i += stride) {
                    to.add(s.get(i) / 32768f);
                }
            } else {
                throw new IllegalStateException("unexpected sample buffer " + buffer.getClass().getSimpleName());
            }
        }

        AudioResult measure(int sampleRate) {
            float[][] samples = planar();
            double peak = 0;
            for (float[] channel : samples) {
                for (float s : channel) {
                    peak = Math.max(peak, Math.abs(s));
                }
            }
            if (peak < SILENCE_PEAK) {
                return new AudioResult(true, null, null, null, new double[0]);
            }
            return new AudioResult(false, 20 * Math.log10(peak), LoudnessMeter.measure(samples, sampleRate),
                    SpeechBand.ratio(samples, sampleRate), AudioOnsets.detect(samples, sampleRate));
        }

        float[][] planar() {
            int n = Integer.MAX_VALUE;
            for (FloatList list : data) {
                n = Math.min(n, list.size);
            }
            float[][] out = new float[channels][];
            for (int c = 0; c < channels; c++) {
                out[c] = Arrays.copyOf(data[c].values, n);
            }
            return out;
        }
    }

    private static final class DoubleList {
        double[] values = new double[256];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class BooleanList {
        boolean[] values = new boolean[256];
        int size;

        void add(boolean v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        boolean[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class IntList {
        int[] values = new int[4096];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    private static final class FloatList {
        float[] values = new float[48_000];
        int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
