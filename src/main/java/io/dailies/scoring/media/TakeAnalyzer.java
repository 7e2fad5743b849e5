package io.dailies.scoring.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures a delivered take in a single decoding pass: every video frame is sampled on a
 * regular grid (about 320x180 points whatever the resolution) for luma, colour and frozen /
 * black frames, reduced to row and column profiles for camera motion, and all audio is kept
 * for loudness. Each call opens its own decoder, so takes can be analysed in parallel.
 */
public final class TakeAnalyzer {

    /** Dominant colours reported (the guide asks producers for 3-5 anchors). */
    static final int DOMINANT_COLOURS = 5;
    /** Change of any colour channel (levels) that counts as real rather than codec noise. */
    private static final int FROZEN_TOLERANCE = 4;
    /** A frame pair is frozen when fewer than this share of grid points changed. */
    private static final double FROZEN_CHANGED_SHARE = 0.0002;
    /** Grid points brighter than this (luma) ... */
    private static final int BLACK_LUMA = 32;
    /** ... on no more than this share of the grid make a black frame. */
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

    /** Decodes the whole take once and measures it. */
    public static TakeMeasurements analyze(Path mp4) throws IOException {
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
            VideoPass video = new VideoPass(width, height, grabber.getLengthInVideoFrames());
            AudioPass audio = hasAudio ? new AudioPass(grabber.getAudioChannels()) : null;
            Frame frame;
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    video.add(frame);
                }
                if (frame.samples != null && audio != null) {
                    audio.add(frame);
                }
            }
            String videoCodec = grabber.getVideoCodecName();
            String audioCodec = hasAudio ? grabber.getAudioCodecName() : null;
            int sampleRate = hasAudio ? grabber.getSampleRate() : 0;
            double containerSeconds = Math.max(0, grabber.getLengthInTime()) / 1e6;
            grabber.stop();
            return measurements(video, audio, fps, containerSeconds, videoCodec, audioCodec, sampleRate);
        } catch (FrameGrabber.Exception e) {
            throw new IOException("could not decode " + mp4.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static TakeMeasurements measurements(VideoPass video, AudioPass audio, double fps,
                                                 double containerSeconds, String videoCodec,
                                                 String audioCodec, int sampleRate) {
        double[] luma = video.meanLuma.toArray();
        int frames = luma.length;
        double duration = frames == 0 ? 0 : video.durationSeconds(fps);

        Double lufs = null;
        Double peakDbfs = null;
        Double speech = null;
        boolean silent = false;
        int channels = 0;
        if (audio != null) {
            float[][] samples = audio.planar();
            channels = samples.length;
            double peak = 0;
            for (float[] channel : samples) {
                for (float s : channel) {
                    peak = Math.max(peak, Math.abs(s));
                }
            }
            silent = peak < SILENCE_PEAK;
            if (!silent) {
                peakDbfs = round(20 * Math.log10(peak), 100);
                lufs = LoudnessMeter.integratedLufs(samples, sampleRate);
                lufs = lufs == null ? null : round(lufs, 100);
                speech = SpeechBand.ratio(samples, sampleRate);
                speech = speech == null ? null : round(speech, 10000);
            }
        }
        double[] roundedLuma = new double[frames];
        for (int i = 0; i < frames; i++) {
            roundedLuma[i] = round(luma[i], 1000);
        }
        return new TakeMeasurements(
                video.width, video.height, round(fps, 1000), round(duration, 10000), round(containerSeconds, 10000),
                videoCodec, audioCodec, audio != null, sampleRate, channels, frames, roundedLuma,
                round(LightingMeasures.flickerIndex(luma), 10000),
                round(LightingMeasures.largestStep(luma), 10000),
                round(LightingMeasures.largestStepRatio(luma), 10000),
                LightingMeasures.largestStepFrame(luma),
                frames < 2 ? 0 : round((double) video.frozenPairs / (frames - 1), 10000),
                frames == 0 ? 0 : round((double) video.blackFrames / frames, 10000),
                round(CameraShake.shakeRms(video.shiftX.toArray(), video.shiftY.toArray()), 10000),
                ColourClusters.dominant(video.colourSamples.values, video.colourSamples.size, DOMINANT_COLOURS),
                video.firstHistogram == null ? new double[0] : ColourHistogram.normalised(video.firstHistogram),
                video.lastHistogram == null ? new double[0] : ColourHistogram.normalised(video.lastHistogram),
                lufs, peakDbfs, speech, silent, video.step);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    /** Per-frame video measurements, accumulated as frames are decoded. */
    private static final class VideoPass {
        final int width;
        final int height;
        final int step;
        final int gridW;
        final int gridH;
        final int range;
        final int colourEvery;
        final DoubleList meanLuma = new DoubleList();
        final DoubleList shiftX = new DoubleList();
        final DoubleList shiftY = new DoubleList();
        final IntList colourSamples = new IntList();
        int frozenPairs;
        int blackFrames;
        double[] firstHistogram;
        double[] lastHistogram;
        private byte[] pixels = new byte[0];
        private int[] grid;
        private int[] previousGrid;
        private double[][] columns;
        private double[][] rows;
        private double[][] previousColumns;
        private double[][] previousRows;
        private long firstTimestamp = Long.MIN_VALUE;
        private long lastTimestamp;
        private int index;

        VideoPass(int width, int height, int estimatedFrames) {
            this.width = width;
            this.height = height;
            // About 180 grid rows whatever the resolution: every 4th pixel at 720p, every pixel at 180p.
            this.step = Math.max(1, Math.min(width, height) / 180);
            this.gridW = Math.max(1, width / step);
            this.gridH = Math.max(1, height / step);
            this.range = CameraShake.searchRange(width, height);
            this.colourEvery = Math.max(1, estimatedFrames / COLOUR_FRAMES);
            this.grid = new int[gridW * gridH];
            this.previousGrid = new int[gridW * gridH];
            this.columns = new double[CameraShake.BANDS][width];
            this.rows = new double[CameraShake.BANDS][height];
            this.previousColumns = new double[CameraShake.BANDS][width];
            this.previousRows = new double[CameraShake.BANDS][height];
        }

        void add(Frame frame) {
            int stride = frame.imageStride;
            ByteBuffer buffer = (ByteBuffer) frame.image[0];
            int length = Math.min(buffer.limit(), stride * height);
            if (pixels.length < length) {
                pixels = new byte[length];
            }
            buffer.get(0, pixels, 0, length);
            if (firstTimestamp == Long.MIN_VALUE) {
                firstTimestamp = frame.timestamp;
            }
            lastTimestamp = frame.timestamp;

            double[] histogram = new double[ColourHistogram.SIZE];
            boolean sampleColours = index % colourEvery == 0;
            int offset = step / 2;
            double sum = 0;
            int bright = 0;
            for (int gy = 0; gy < gridH; gy++) {
                int row = (gy * step + offset) * stride;
                for (int gx = 0; gx < gridW; gx++) {
                    int o = row + (gx * step + offset) * 3;
                    int b = pixels[o] & 0xFF;
                    int g = pixels[o + 1] & 0xFF;
                    int r = pixels[o + 2] & 0xFF;
                    double y = 0.299 * r + 0.587 * g + 0.114 * b;
                    grid[gy * gridW + gx] = (r << 16) | (g << 8) | b;
                    sum += y;
                    if (y > BLACK_LUMA) {
                        bright++;
                    }
                    ColourHistogram.add(histogram, r, g, b);
                    // A coarser grid is plenty for clustering.
                    if (sampleColours && gx % 4 == 0 && gy % 4 == 0) {
                        colourSamples.add((r << 16) | (g << 8) | b);
                    }
                }
            }
            int points = gridW * gridH;
            meanLuma.add(sum / points);
            if (bright <= BLACK_BRIGHT_SHARE * points) {
                blackFrames++;
            }
            if (firstHistogram == null) {
                firstHistogram = histogram;
            }
            lastHistogram = histogram;

            profiles(stride, offset);
            if (index > 0) {
                int changed = 0;
                for (int i = 0; i < points; i++) {
                    if (differs(grid[i], previousGrid[i])) {
                        changed++;
                    }
                }
                if (changed < FROZEN_CHANGED_SHARE * points) {
                    frozenPairs++;
                }
                shiftX.add(CameraShake.globalShift(previousColumns, columns, range));
                shiftY.add(CameraShake.globalShift(previousRows, rows, range));
            }
            int[] g = previousGrid;
            previousGrid = grid;
            grid = g;
            double[][] c = previousColumns;
            previousColumns = columns;
            columns = c;
            double[][] r = previousRows;
            previousRows = rows;
            rows = r;
            index++;
        }

        private static boolean differs(int rgb1, int rgb2) {
            return Math.abs(((rgb1 >> 16) & 0xFF) - ((rgb2 >> 16) & 0xFF)) > FROZEN_TOLERANCE
                    || Math.abs(((rgb1 >> 8) & 0xFF) - ((rgb2 >> 8) & 0xFF)) > FROZEN_TOLERANCE
                    || Math.abs((rgb1 & 0xFF) - (rgb2 & 0xFF)) > FROZEN_TOLERANCE;
        }

        /**
         * Column profiles of {@link CameraShake#BANDS} horizontal bands (grid rows, every column)
         * and row profiles of as many vertical strips (grid columns, every row).
         */
        private void profiles(int stride, int offset) {
            int bands = CameraShake.BANDS;
            for (double[] band : columns) {
                Arrays.fill(band, 0);
            }
            for (int gy = 0; gy < gridH; gy++) {
                double[] band = columns[Math.min(bands - 1, gy * bands / gridH)];
                int row = (gy * step + offset) * stride;
                for (int x = 0; x < width; x++) {
                    int o = row + x * 3;
                    band[x] += 0.114 * (pixels[o] & 0xFF) + 0.587 * (pixels[o + 1] & 0xFF)
                            + 0.299 * (pixels[o + 2] & 0xFF);
                }
            }
            double rowsPerBand = (double) gridH / bands;
            for (double[] band : columns) {
                for (int x = 0; x < width; x++) {
                    band[x] /= rowsPerBand;
                }
            }
            int[] stripOf = new int[gridW];
            int[] stripSize = new int[bands];
            for (int gx = 0; gx < gridW; gx++) {
                stripOf[gx] = Math.min(bands - 1, gx * bands / gridW);
                stripSize[stripOf[gx]]++;
            }
            for (int y = 0; y < height; y++) {
                int row = y * stride;
                for (double[] strip : rows) {
                    strip[y] = 0;
                }
                for (int gx = 0; gx < gridW; gx++) {
                    int o = row + (gx * step + offset) * 3;
                    rows[stripOf[gx]][y] += 0.114 * (pixels[o] & 0xFF) + 0.587 * (pixels[o + 1] & 0xFF)
                            + 0.299 * (pixels[o + 2] & 0xFF);
                }
                for (int k = 0; k < bands; k++) {
                    rows[k][y] /= Math.max(1, stripSize[k]);
                }
            }
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
        private final int channels;
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
