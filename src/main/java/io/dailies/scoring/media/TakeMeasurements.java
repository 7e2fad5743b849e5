package io.dailies.scoring.media;

import java.util.List;

/**
 * Everything the scorer needs to know about one delivered MP4, measured in one decoding pass.
 * Plain values only (JSON-B friendly, no NaN or infinities: the constructor turns a non-finite
 * boxed value into null and a non-finite primitive into 0): a quantity that could not be measured
 * is null, not a made-up number. Pixel quantities are in the take's own pixels, whatever the
 * analysis resolution.
 *
 * @param width                    coded picture width, pixels
 * @param height                   coded picture height, pixels
 * @param fps                      video frame rate from the container
 * @param durationSeconds          video duration: first to last frame timestamp plus one frame
 * @param containerDurationSeconds duration the container declares (may include audio padding)
 * @param videoCodec               decoder name of the video stream, e.g. "h264"
 * @param audioCodec               decoder name of the audio stream, e.g. "aac"; null without audio
 * @param hasAudio                 whether the file has an audio stream at all
 * @param audioSampleRate          Hz; 0 without audio
 * @param audioChannels            0 without audio
 * @param frameCount               decoded video frames
 * @param meanLuma                 per-frame mean luma (Rec.601, 0-255) of the whole frame
 * @param flickerIndex             RMS of the motion-compensated mean luma minus its ±3-frame moving
 *                                 average, luma levels: each frame-to-frame luma step is measured on
 *                                 the area the two frames share after the camera's shift, so panning
 *                                 or shaking over a contrasty scene is not flicker (frames around the
 *                                 single largest step left out: that is a jump)
 * @param maxLumaStep              largest motion-compensated frame-to-frame change of mean luma, levels
 * @param maxLumaStepRatio         that step divided by the median step (median floored at 0.5)
 * @param maxLumaStepFrame         frame index where the largest step lands (-1 if under 2 frames)
 * @param frozenFrameRatio         share of consecutive frame pairs inside a frozen stretch: the picture
 *                                 holds (identical within codec noise) for at least 4 frames in a row
 * @param blackFrameRatio          share of frames that are (near) black
 * @param shakeRms                 camera JITTER: RMS of the camera path (phase correlation, median over
 *                                 tiles) around its ~0.5 s moving-average trend, pixels
 * @param dominantColours          k-means (k=5) centres in CIELAB with weights, heaviest first
 * @param firstFrameHistogram      8x8x8 RGB histogram of the first frame, normalised to 1
 * @param lastFrameHistogram       same for the last frame
 * @param integratedLoudnessLufs   BS.1770-4 integrated loudness; null without audio or for silence
 * @param samplePeakDbfs           sample peak; null without audio or for digital silence
 * @param speechBandRatio          share of audio energy in 150 Hz-4 kHz; null without audio or for silence
 * @param audioSilent              audio stream present but digital silence (peak below -90 dBFS)
 * @param sampleStep               take pixels per analysis pixel (frames are area-downscaled to about
 *                                 180 lines before measuring; 1 for small takes)
 * @param cameraDriftPx            camera DRIFT: length of the smoothed camera path, pixels (a
 *                                 deliberate pan or dolly, or an unasked-for wander)
 * @param duplicateFrameCount      frames that repeat the frame before while the picture around them
 *                                 moves (runs of one or two repeats: judder, frame-rate conversion)
 * @param duplicateFrameRatio      those frames as a share of all frames
 * @param maxMomentaryLufs         highest 400 ms loudness (BS.1770 / EBU R 128), LUFS; null without
 *                                 audio, for silence or under 400 ms
 * @param maxShortTermLufs         highest 3 s loudness, LUFS; null without audio, for silence or under 3 s
 * @param truePeakDbtp             true peak (BS.1770-4 Annex 2, 4x oversampled), dBTP; null without
 *                                 audio or for digital silence
 * @param audioOnsetsSeconds       times (s) where a sound starts (band-wise spectral flux); empty
 *                                 without audio
 */
public record TakeMeasurements(
        int width,
        int height,
        double fps,
        double durationSeconds,
        double containerDurationSeconds,
        String videoCodec,
        String audioCodec,
        boolean hasAudio,
        int audioSampleRate,
        int audioChannels,
        int frameCount,
        double[] meanLuma,
        double flickerIndex,
        double maxLumaStep,
        double maxLumaStepRatio,
        int maxLumaStepFrame,
        double frozenFrameRatio,
        double blackFrameRatio,
        double shakeRms,
        List<DominantColour> dominantColours,
        double[] firstFrameHistogram,
        double[] lastFrameHistogram,
        Double integratedLoudnessLufs,
        Double samplePeakDbfs,
        Double speechBandRatio,
        boolean audioSilent,
        int sampleStep,
        double cameraDriftPx,
        int duplicateFrameCount,
        double duplicateFrameRatio,
        Double maxMomentaryLufs,
        Double maxShortTermLufs,
        Double truePeakDbtp,
        double[] audioOnsetsSeconds) {

    public TakeMeasurements {
        dominantColours = dominantColours == null ? List.of() : List.copyOf(dominantColours);
        fps = finite(fps);
        durationSeconds = finite(durationSeconds);
        containerDurationSeconds = finite(containerDurationSeconds);
        meanLuma = finite(meanLuma);
        flickerIndex = finite(flickerIndex);
        maxLumaStep = finite(maxLumaStep);
        maxLumaStepRatio = finite(maxLumaStepRatio);
        frozenFrameRatio = finite(frozenFrameRatio);
        blackFrameRatio = finite(blackFrameRatio);
        shakeRms = finite(shakeRms);
        firstFrameHistogram = finite(firstFrameHistogram);
        lastFrameHistogram = finite(lastFrameHistogram);
        integratedLoudnessLufs = finite(integratedLoudnessLufs);
        samplePeakDbfs = finite(samplePeakDbfs);
        speechBandRatio = finite(speechBandRatio);
        cameraDriftPx = finite(cameraDriftPx);
        duplicateFrameRatio = finite(duplicateFrameRatio);
        maxMomentaryLufs = finite(maxMomentaryLufs);
        maxShortTermLufs = finite(maxShortTermLufs);
        truePeakDbtp = finite(truePeakDbtp);
        audioOnsetsSeconds = audioOnsetsSeconds == null ? new double[0] : finite(audioOnsetsSeconds);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static double[] finite(double[] values) {
        if (values == null) {
            return null;
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                double[] copy = values.clone();
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = finite(copy[i]);
                }
                return copy;
            }
        }
        return values;
    }
}
