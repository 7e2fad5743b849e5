package io.dailies.emulator.media;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paints the emulator's picture straight into BGR24 frame buffers: the palette as soft-edged
 * regions (a top band over a row of vertical panels, so there is structure in both directions)
 * and one disc drifting slowly across it. The background is painted once; each frame only
 * copies it, draws the disc and applies the baked-in defects, so 720p stays cheap.
 */
final class ScenePainter {

    /** Used when the prompt names no colours: slate, warm stone, off-white, charcoal. */
    static final List<Integer> NEUTRAL_PALETTE = List.of(0x5A6470, 0xB8B0A2, 0xE8E2D6, 0x2E3338);
    /** OFF_PALETTE's candidates, the web-safe cube: every channel in 0, 51, ..., 255, red slowest. */
    private static final int[] CUBE = cube();

    private final int width;
    private final int height;
    private final int frames;
    private final byte[] background;
    private final int discRgb;
    private final double radius;
    private final double startX;
    private final double speed;
    private final double minX;
    private final double maxX;
    private final int fps;
    private final double baseY;
    private final double swayY;
    private final double swayPhase;
    private final int[] shakeX;
    private final int[] shakeY;
    private final double[] gain;
    private final byte[] scene;
    private final byte[] lut = new byte[256];
    private double lutGain = Double.NaN;

    ScenePainter(RenderSpec spec) {
        this.width = spec.width();
        this.height = spec.height();
        this.frames = spec.frameCount();
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<Integer> palette = spec.paletteRgb().isEmpty() ? NEUTRAL_PALETTE : spec.paletteRgb();
        if (spec.has(Defect.OFF_PALETTE)) {
            palette = farFrom(palette);
        }
        List<Integer> colours = palette.size() == 1
                ? List.of(palette.get(0), shifted(palette.get(0))) : palette;
        double topFraction = Math.max(0.25, Math.min(0.45, 1.0 / colours.size())) * (0.95 + 0.1 * random.nextDouble());
        double boundaryY = topFraction * height;
        this.background = paintBackground(colours, boundaryY, random);
        this.discRgb = farthestFrom(colours.get(0), colours);

        // One steady move inside the top band, whose colour the disc always contrasts with:
        // a tenth of the frame width per second, turning at the band's ends on long takes.
        // Slower than this and the H.264 encoder starts coding whole frames as "no change".
        this.radius = 0.36 * boundaryY;
        this.speed = (random.nextBoolean() ? 1 : -1) * 0.1 * width / spec.fps();
        this.startX = (0.3 + 0.4 * random.nextDouble()) * width;
        this.minX = 0.15 * width;
        this.maxX = 0.85 * width;
        this.baseY = 0.5 * boundaryY;
        this.swayY = 0.08 * boundaryY;
        this.swayPhase = random.nextDouble() * 2 * Math.PI;
        this.fps = spec.fps();

        this.shakeX = new int[frames];
        this.shakeY = new int[frames];
        if (spec.has(Defect.SHAKE)) {
            int amplitude = Math.max(3, (int) Math.round(0.006 * width));
            for (int i = 0; i < frames; i++) {
                shakeX[i] = random.nextInt(-amplitude, amplitude + 1);
                shakeY[i] = random.nextInt(-amplitude, amplitude + 1);
            }
        }
        this.gain = new double[frames];
        double meanLuma = meanLuma(background);
        for (int i = 0; i < frames; i++) {
            double g = 1.0;
            if (spec.has(Defect.FLICKER)) {
                g *= 1 + 0.06 * (2 * random.nextDouble() - 1);
            }
            if (spec.has(Defect.LIGHTING_JUMP) && i >= frames / 2) {
                // Darken bright scenes, brighten dark ones, so the step is never clipped away.
                g *= meanLuma > 70 ? 0.7 : 1.5;
            }
            gain[i] = g;
        }
        this.scene = spec.has(Defect.SHAKE) ? new byte[background.length] : null;
    }

    /** Paints frame {@code index} (0-based) into {@code out} (BGR24, width*height*3). */
    void paint(int index, byte[] out) {
        byte[] target = scene != null ? scene : out;
        System.arraycopy(background, 0, target, 0, background.length);
        double cx = bounce(startX + speed * index, minX, maxX);
        double cy = baseY + swayY * Math.sin(2 * Math.PI * 0.125 * index / fps + swayPhase);
        drawDisc(target, cx, cy);
        if (scene != null) {
            shiftCopy(scene, out, shakeX[index], shakeY[index]);
        }
        applyGain(out, gain[index]);
    }

    private byte[] paintBackground(List<Integer> colours, double boundaryY, SplittableRandom random) {
        List<Integer> lowerColours = new ArrayList<>(colours.subList(1, colours.size()));
        if (lowerColours.size() == 1) {
            // A lone lower panel would leave no vertical edges; the camera's sideways motion
            // would then be invisible, so split it around a strip of the top colour.
            lowerColours = List.of(colours.get(1), colours.get(0), colours.get(1));
        }
        double softY = 0.03 * height;
        int panels = lowerColours.size();
        double[] edges = new double[panels + 1];
        for (int p = 0; p <= panels; p++) {
            edges[p] = (double) p / panels * width;
        }
        for (int p = 1; p < panels; p++) {
            edges[p] += (random.nextDouble() - 0.5) * 0.3 * width / panels;
        }
        double softX = 0.025 * width;

        // One row of the lower panels, soft-blended where they meet.
        double[][] lower = new double[width][3];
        for (int x = 0; x < width; x++) {
            double px = x + 0.5;
            double[] mix = lower[x];
            for (int p = 0; p < panels; p++) {
                // Ramps of neighbouring panels are complementary, so weights sum to 1.
                double left = p == 0 ? 1.0 : smoothstep(edges[p] - softX / 2, edges[p] + softX / 2, px);
                double right = p == panels - 1 ? 1.0
                        : 1 - smoothstep(edges[p + 1] - softX / 2, edges[p + 1] + softX / 2, px);
                double weight = left * right;
                int rgb = lowerColours.get(p);
                mix[0] += weight * (rgb & 0xFF);
                mix[1] += weight * ((rgb >> 8) & 0xFF);
                mix[2] += weight * ((rgb >> 16) & 0xFF);
            }
        }
        int top = colours.get(0);
        double[] topBgr = {top & 0xFF, (top >> 8) & 0xFF, (top >> 16) & 0xFF};
        byte[] bg = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            double wTop = 1 - smoothstep(boundaryY - softY / 2, boundaryY + softY / 2, y + 0.5);
            int row = y * width * 3;
            for (int x = 0; x < width; x++) {
                int o = row + x * 3;
                for (int c = 0; c < 3; c++) {
                    bg[o + c] = (byte) Math.round(wTop * topBgr[c] + (1 - wTop) * lower[x][c]);
                }
            }
        }
        return bg;
    }

    private void drawDisc(byte[] buf, double cx, double cy) {
        int b = discRgb & 0xFF;
        int g = (discRgb >> 8) & 0xFF;
        int r = (discRgb >> 16) & 0xFF;
        int x0 = Math.max(0, (int) Math.floor(cx - radius - 1));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + radius + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - radius - 1));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + radius + 1));
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            int row = y * width * 3;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                // Anti-aliased edge: coverage ramps over one pixel so sub-pixel motion stays smooth.
                double cover = radius + 0.5 - Math.sqrt(dx * dx + dy * dy);
                if (cover <= 0) {
                    continue;
                }
                int o = row + x * 3;
                if (cover >= 1) {
                    buf[o] = (byte) b;
                    buf[o + 1] = (byte) g;
                    buf[o + 2] = (byte) r;
                } else {
                    buf[o] = (byte) Math.round(cover * b + (1 - cover) * (buf[o] & 0xFF));
                    buf[o + 1] = (byte) Math.round(cover * g + (1 - cover) * (buf[o + 1] & 0xFF));
                    buf[o + 2] = (byte) Math.round(cover * r + (1 - cover) * (buf[o + 2] & 0xFF));
                }
            }
        }
    }

    /** Moves the whole picture by (dx, dy), repeating edge pixels like a stabiliser's border fill. */
    private void shiftCopy(byte[] src, byte[] dst, int dx, int dy) {
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++) {
            int sy = Math.min(height - 1, Math.max(0, y - dy));
            int srcRow = sy * rowBytes;
            int dstRow = y * rowBytes;
            int xStart = Math.max(0, dx);
            int xEnd = Math.min(width, width + dx);
            if (xEnd > xStart) {
                System.arraycopy(src, srcRow + (xStart - dx) * 3, dst, dstRow + xStart * 3, (xEnd - xStart) * 3);
            }
            for (int x = 0; x < xStart; x++) {
                System.arraycopy(src, srcRow, dst, dstRow + x * 3, 3);
            }
            for (int x = Math.max(xEnd, 0); x < width; x++) {
                System.arraycopy(src, srcRow + (width - 1) * 3, dst, dstRow + x * 3, 3);
            }
        }
    }

    private void applyGain(byte[] buf, double g) {
        if (g == 1.0) {
            return;
        }
        if (g != lutGain) {
            for (int v = 0; v < 256; v++) {
                lut[v] = (byte) Math.min(255, (int) Math.round(v * g));
            }
            lutGain = g;
        }
        for (int i = 0; i < buf.length; i++) {
            buf[i] = lut[buf[i] & 0xFF];
        }
    }

    /**
     * For OFF_PALETTE: one colour per anchor, each as far as it can be from every anchor. The candidates
     * are the 216 colours of a 6-step RGB cube; each pick must also stay apart from the picks before it,
     * or the replacements would collapse into one colour.
     */
    static List<Integer> farFrom(List<Integer> anchors) {
        List<double[]> anchorLabs = anchors.stream().map(LabColour::fromRgb).toList();
        List<double[]> pickedLabs = new ArrayList<>();
        List<Integer> picks = new ArrayList<>();
        while (picks.size() < anchors.size()) {
            int bestRgb = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int candidate : CUBE) {
                double[] lab = LabColour.fromRgb(candidate);
                double score = nearest(lab, anchorLabs);
                if (!pickedLabs.isEmpty()) {
                    score = Math.min(score, 2 * nearest(lab, pickedLabs));
                }
                if (score > bestScore) {
                    bestScore = score;
                    bestRgb = candidate;
                }
            }
            picks.add(bestRgb);
            pickedLabs.add(LabColour.fromRgb(bestRgb));
        }
        return picks;
    }

    private static int[] cube() {
        int[] colours = new int[216];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = ((i / 36) * 51 << 16) | ((i / 6 % 6) * 51 << 8) | (i % 6) * 51;
        }
        return colours;
    }

    private static double nearest(double[] lab, List<double[]> others) {
        return others.stream().mapToDouble(o -> LabColour.distance(lab, o)).min().orElse(Double.MAX_VALUE);
    }

    /** A lighter or darker variant (30 L* away, same a* and b*), so a one-colour palette still has a visible subject. */
    private static int shifted(int rgb) {
        double[] lab = LabColour.fromRgb(rgb);
        lab[0] += lab[0] > 50 ? -30 : 30;
        return LabColour.toRgb(lab);
    }

    /**
     * The palette colour that stands out most from {@code ground}: lightness difference first
     * (so the subject's motion shows in luma, as real subjects' does), colour distance as the tie-break.
     */
    private static int farthestFrom(int ground, List<Integer> colours) {
        double[] groundLab = LabColour.fromRgb(ground);
        int best = colours.get(colours.size() - 1);
        double bestScore = -1;
        for (int candidate : colours) {
            double[] lab = LabColour.fromRgb(candidate);
            double score = Math.abs(lab[0] - groundLab[0]) + 0.25 * LabColour.distance(groundLab, lab);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static double meanLuma(byte[] bgr) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < bgr.length; i += 3 * 7) {
            sum += 0.114 * (bgr[i] & 0xFF) + 0.587 * (bgr[i + 1] & 0xFF) + 0.299 * (bgr[i + 2] & 0xFF);
            n++;
        }
        return sum / n;
    }

    /** Folds x back into [min, max] like a ball between two walls. */
    private static double bounce(double x, double min, double max) {
        double span = max - min;
        double p = ((x - min) % (2 * span) + 2 * span) % (2 * span);
        return min + (p <= span ? p : 2 * span - p);
    }

    private static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }
}
