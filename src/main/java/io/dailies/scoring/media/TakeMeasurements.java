package io.dailies.scoring.media;

import java.util.List;

/**
 * Everything the scorer needs to know about one delivered MP4, measured in one decoding pass.
 * Plain values only (JSON-B friendly, no NaN or infinities): a quantity that could not be
 * measured is null, not a made-up number.
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
 * @param meanLuma                 per-frame mean luma (Rec.601, 0-255) on the sampling grid
 * @param flickerIndex             RMS of mean luma minus its ±3-frame moving average, luma levels
 *                                 (frames around the single largest step left out: that is a jump)
 * @param maxLumaStep              largest frame-to-frame change of mean luma, luma levels
 * @param maxLumaStepRatio         that step divided by the median step (median floored at 0.5)
 * @param maxLumaStepFrame         frame index where the largest step lands (-1 if under 2 frames)
 * @param frozenFrameRatio         share of consecutive frame pairs that are identical within codec noise
 * @param blackFrameRatio          share of frames that are (near) black
 * @param shakeRms                 camera-path jitter around its smoothed trend, pixels
 * @param dominantColours          k-means (k=5) centres in CIELAB with weights, heaviest first
 * @param firstFrameHistogram      8x8x8 RGB histogram of the first frame, normalised to 1
 * @param lastFrameHistogram       same for the last frame
 * @param integratedLoudnessLufs   BS.1770-4 integrated loudness; null without audio or for silence
 * @param samplePeakDbfs           sample peak; null without audio or for digital silence
 * @param speechBandRatio          share of audio energy in 150 Hz-4 kHz; null without audio or for silence
 * @param audioSilent              audio stream present but digital silence (peak below -90 dBFS)
 * @param sampleStep               pixel step of the sampling grid used for luma and colour
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
        int sampleStep) {

    public TakeMeasurements {
        dominantColours = dominantColours == null ? List.of() : List.copyOf(dominantColours);
    }
}
