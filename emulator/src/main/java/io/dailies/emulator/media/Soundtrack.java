package io.dailies.emulator.media;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The emulator's audio: a soft ambient bed (low rumble plus a little air), for dialogue shots
 * speech-like bursts in the middle of the take, and a short percussive hit (a clap: bright noise
 * with a 1 ms attack and a 35 ms decay) at every timed cue; then mixed to the web loudness target
 * by the emulator's own BS.1770 estimate ({@link Loudness}). {@link Defect#MISSING_CUES} leaves the hits out,
 * {@link Defect#LATE_CUES} plays them {@value #LATE_CUE_SECONDS} s late.
 */
final class Soundtrack {

    static final int SAMPLE_RATE = Loudness.SAMPLE_RATE;
    static final double TARGET_LUFS = -15.0;
    static final double QUIET_LUFS = -30.0;
    private static final double PEAK_CEILING = 0.89; // about -1 dBFS, headroom for the AAC encoder
    /** How late {@link Defect#LATE_CUES} plays each hit: twice the scorer's default tolerance and more. */
    static final double LATE_CUE_SECONDS = 0.6;
    private static final double HIT_SECONDS = 0.15;
    private static final double HIT_DECAY_SECONDS = 0.035;

    private Soundtrack() {
    }

    /** Planar stereo samples (full scale ±1) for the rendered length of the take. */
    static float[][] mix(RenderSpec spec) {
        int n = (int) Math.round(spec.renderedSeconds() * SAMPLE_RATE);
        float[][] out = new float[2][n];
        if (spec.has(Defect.SILENT) || n == 0) {
            return out;
        }
        SplittableRandom random = new SplittableRandom(spec.seed() ^ 0x5EED_A0D1L);
        double[][] bed = ambientBed(n, random);
        double[] speech = spec.dialogue() ? speech(n, random) : new double[n];
        if (!spec.cueSeconds().isEmpty() && !spec.has(Defect.MISSING_CUES)) {
            double shift = spec.has(Defect.LATE_CUES) ? LATE_CUE_SECONDS : 0;
            SplittableRandom hits = new SplittableRandom(spec.seed() ^ 0xC0E5L);
            double level = rms(bed[0]);
            for (double cue : spec.cueSeconds()) {
                addHit(speech, (int) Math.round((cue + shift) * SAMPLE_RATE), level, hits);
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                out[c][i] = (float) (bed[c][i] + speech[i]);
            }
        }
        double target = spec.has(Defect.QUIET) ? QUIET_LUFS : TARGET_LUFS;
        OptionalDouble measured = Loudness.integrated(out, SAMPLE_RATE);
        double gain = measured.isEmpty() ? 1.0 : Math.pow(10, (target - measured.getAsDouble()) / 20);
        double peak = 0;
        for (float[] channel : out) {
            for (float s : channel) {
                peak = Math.max(peak, Math.abs(s));
            }
        }
        gain = Math.min(gain, PEAK_CEILING / Math.max(peak, 1e-9));
        for (float[] channel : out) {
            for (int i = 0; i < n; i++) {
                channel[i] *= (float) gain;
            }
        }
        return out;
    }

    /**
     * A clap at sample {@code at}: noise above 2.5 kHz (mostly out of the speech band, well clear of
     * the rumble), its unshaped noise scaled to the bed's RMS, so where it sounds it stands 30 dB and
     * more above the bed without pushing the mix into the peak ceiling.
     */
    private static void addHit(double[] into, int at, double level, SplittableRandom random) {
        int length = (int) (HIT_SECONDS * SAMPLE_RATE);
        if (at < 0 || at >= into.length) {
            return;
        }
        double[] noise = noise(length, random);
        highPass(noise, 2500);
        highPass(noise, 2500);
        double gain = level / Math.max(1e-12, rms(Arrays.copyOf(noise, (int) (HIT_DECAY_SECONDS * SAMPLE_RATE))));
        int attack = SAMPLE_RATE / 1000;
        for (int k = 0; k < length && at + k < into.length; k++) {
            double envelope = k < attack ? (double) k / attack
                    : Math.exp(-(k - attack) / (HIT_DECAY_SECONDS * SAMPLE_RATE));
            into[at + k] += gain * envelope * noise[k];
        }
    }

    private static double rms(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
    }

    /** Room rumble below ~200 Hz, partly correlated between channels, plus faint high "air". */
    private static double[][] ambientBed(int n, SplittableRandom random) {
        double[] common = noise(n, random);
        double[][] bed = new double[2][];
        for (int c = 0; c < 2; c++) {
            double[] own = noise(n, random);
            double[] rumble = new double[n];
            for (int i = 0; i < n; i++) {
                rumble[i] = 0.7 * common[i] + 0.3 * own[i];
            }
            // Below ~150 Hz the AAC encoder drops a noticeable share of noise energy (about
            // 0.9 LU at a 120 Hz cut-off); 200 Hz keeps the loss near 0.5 LU and still leaves
            // the speech band mostly to dialogue.
            lowPass(rumble, 200);
            lowPass(rumble, 200);
            double[] air = noise(n, random);
            highPass(air, 6000);
            highPass(air, 6000);
            for (int i = 0; i < n; i++) {
                rumble[i] += 0.02 * air[i];
            }
            bed[c] = rumble;
        }
        return bed;
    }

    /**
     * Voiced syllables between 25 % and 75 % of the take: a 150-300 Hz fundamental with
     * harmonics shaped by three formant bumps, each syllable under a smooth envelope.
     */
    private static double[] speech(int n, SplittableRandom random) {
        double[] out = new double[n];
        int start = n / 4;
        int end = 3 * n / 4;
        int i = start;
        while (i < end) {
            int syllable = (int) ((0.12 + 0.16 * random.nextDouble()) * SAMPLE_RATE);
            int gap = (int) ((0.05 + (random.nextDouble() < 0.2 ? 0.3 : 0.1) * random.nextDouble()) * SAMPLE_RATE);
            syllable = Math.min(syllable, end - i);
            double f0 = 150 + 150 * random.nextDouble();
            double glide = 1 + 0.2 * (random.nextDouble() - 0.5);
            double phase = 0;
            for (int k = 0; k < syllable; k++) {
                double progress = k / (double) syllable;
                double f = f0 * (1 + (glide - 1) * progress);
                phase += 2 * Math.PI * f / SAMPLE_RATE;
                double envelope = Math.sin(Math.PI * progress);
                envelope *= envelope;
                double sample = 0;
                for (int h = 1; h * f < 4000; h++) {
                    sample += formantWeight(h * f) / h * Math.sin(h * phase);
                }
                out[i + k] = 0.25 * envelope * sample;
            }
            i += syllable + gap;
        }
        return out;
    }

    private static double formantWeight(double hz) {
        return 0.3 + bump(hz, 500, 200) + 0.7 * bump(hz, 1500, 300) + 0.4 * bump(hz, 2500, 400);
    }

    private static double bump(double x, double centre, double width) {
        double d = (x - centre) / width;
        return Math.exp(-d * d);
    }

    private static double[] noise(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        return x;
    }

    private static void lowPass(double[] x, double cutoff) {
        SecondOrderFilter.butterworthLowPass(cutoff, SAMPLE_RATE).filterInPlace(x);
    }

    private static void highPass(double[] x, double cutoff) {
        SecondOrderFilter.butterworthHighPass(cutoff, SAMPLE_RATE).filterInPlace(x);
    }
}
